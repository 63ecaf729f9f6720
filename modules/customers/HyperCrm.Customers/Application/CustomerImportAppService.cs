using CsvHelper;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Data;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Customers.Domain.Import;
using HyperCrm.Customers.Import;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace HyperCrm.Customers.Application;

public sealed class CustomerImportAppService(
    CustomersDbContext db,
    CustomerManager manager,
    TimelineWriter timeline,
    ISchedulerFactory schedulers,
    TimeProvider clock) : ICustomerImportAppService
{
    public const int MaxRows = 200_000;
    private const int PreviewRows = 10;
    private const int SaveEvery = 200;

    private static readonly Dictionary<string, string[]> HeaderHints = new()
    {
        [ImportFields.Name] = ["name", "full name", "fullname", "customer", "имя", "фио", "клиент", "наименование"],
        [ImportFields.Email] = ["email", "e-mail", "mail", "почта", "эл. почта", "электронная почта"],
        [ImportFields.Phone] = ["phone", "mobile", "tel", "telephone", "телефон", "моб. телефон"],
        [ImportFields.Kind] = ["kind", "type", "тип"],
        [ImportFields.Tags] = ["tags", "tag", "теги", "метки"],
        [ImportFields.Notes] = ["notes", "note", "comment", "заметки", "комментарий"],
    };

    public async Task<CustomerImportDto> UploadAsync(string fileName, string content, CancellationToken cancellationToken = default)
    {
        var (headers, rows) = Parse(content, int.MaxValue);
        if (headers.Count == 0) throw new BusinessException("Customers:ImportEmpty", "The file has no header row.");
        if (rows.Count > MaxRows) throw new BusinessException("Customers:ImportTooLarge", $"A file can hold at most {MaxRows} rows.");
        var import = new CustomerImport(Guid.CreateVersion7(), Path.GetFileName(fileName), content, headers, rows.Count,
            GuessMapping(headers));
        db.Imports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(import, rows);
    }

    public async Task<CustomerImportDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var import = await FindAsync(id, tracking: false, cancellationToken);
        var preview = import.Status == ImportStatus.Uploaded ? Parse(import.Content, PreviewRows).Rows : [];
        return ToDto(import, preview);
    }

    public async Task<CustomerImportDto> StartAsync(Guid id, IReadOnlyDictionary<string, int> mapping,
        CancellationToken cancellationToken = default)
    {
        var import = await FindAsync(id, tracking: true, cancellationToken);
        import.Queue(mapping);
        await db.SaveChangesAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<CustomerImportJob>().WithIdentity($"customer-import-{id}", "imports")
            .UsingJobData(CustomerImportJob.ImportIdKey, id.ToString()).RequestRecovery().Build();
        await scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity($"customer-import-{id}", "imports").StartNow().Build(),
            new ScheduleJobOptions(), cancellationToken);
        return ToDto(import, []);
    }

    public async Task ProcessAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var import = await FindAsync(id, tracking: true, cancellationToken);
        if (import.Status is ImportStatus.Completed or ImportStatus.Uploaded) return;
        import.MarkRunning();
        await db.SaveChangesAsync(cancellationToken);
        var (_, rows) = Parse(import.Content, int.MaxValue);
        for (var index = import.ProcessedRows; index < rows.Count; index++)
        {
            var rowNumber = index + 1;
            var (created, error) = await ImportRowAsync(rows[index], import.Mapping, cancellationToken);
            import.RecordRow(rowNumber, created, error);
            if (rowNumber % SaveEvery == 0) await SaveAsync(cancellationToken);
        }
        import.Complete(clock.GetUtcNow());
        await SaveAsync(cancellationToken);
    }

    /// <summary>One row: matched by email or phone (so importing twice does not duplicate), else created. Errors name the reason.</summary>
    private async Task<(bool Created, string? Error)> ImportRowAsync(IReadOnlyList<string> row, Dictionary<string, int> mapping,
        CancellationToken cancellationToken)
    {
        string? Field(string name) => mapping.TryGetValue(name,
            out var column) && column < row.Count && row[column].Trim() is { Length: > 0 } value ? value : null;
        var name = Field(ImportFields.Name);
        if (name is null) return (false, "The name is empty.");
        if (name.Length > CustomerConsts.MaxNameLength) return (false, "The name is too long.");
        try
        {
            var (customer, created, _) = await manager.MatchOrCreateAsync(CustomerKind.Person, name, Field(ImportFields.Email),
                Field(ImportFields.Phone), null, cancellationToken);
            if (created)
            {
                if (Field(ImportFields.Kind) is { } kind && kind.Trim().ToLowerInvariant() is "company" or "компания")
                    customer.ChangeKind(CustomerKind.Company);
                if (Field(ImportFields.Tags) is { } tags) customer.SetTags(tags.Split([';', ','], StringSplitOptions.RemoveEmptyEntries));
                if (Field(ImportFields.Notes) is { } notes) customer.SetNotes(notes.Length > CustomerConsts.MaxNotesLength
                    ? notes[..CustomerConsts.MaxNotesLength] : notes);
                timeline.Add(customer.Id, "customer.imported", Message.Of("Customers:Timeline:Imported"));
            }
            return (created, null);
        }
        catch (BusinessException ex)
        {
            return (false, ex.Message);
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        // Customers created in this batch are now findable by the next rows' matching; keep only the import tracked.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not CustomerImport)
            .ToList()) entry.State = EntityState.Detached;
    }

    private async Task<CustomerImport> FindAsync(Guid id, bool tracking, CancellationToken cancellationToken) =>
        await (tracking ? db.Imports : db.Imports.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException(typeof(CustomerImport), id);

    private static Dictionary<string, int> GuessMapping(IReadOnlyList<string> headers)
    {
        var mapping = new Dictionary<string, int>();
        for (var column = 0; column < headers.Count; column++)
        {
            var header = headers[column].Trim().ToLowerInvariant();
            foreach (var (field, hints) in HeaderHints)
            {
                if (!mapping.ContainsKey(field) && hints.Contains(header)) mapping[field] = column;
            }
        }
        return mapping;
    }

    /// <summary>Header and rows; the separator (comma or semicolon, as Excel writes in Russia) is detected.</summary>
    internal static (IReadOnlyList<string> Headers, List<IReadOnlyList<string>> Rows) Parse(string content, int maxRows)
    {
        var text = content.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text)) return ([], []);
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        using var reader = CsvReader.FromText(text, new CsvReaderOptions { Separator = separator, IncludeValuesInExceptions = false,
            SkipEmptyLines = true });
        reader.ReadHeader();
        var headers = reader.Headers.ToList();
        var rows = new List<IReadOnlyList<string>>();
        while (rows.Count < maxRows && reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList());
        return (headers, rows);
    }

    private static CustomerImportDto ToDto(CustomerImport i, IReadOnlyList<IReadOnlyList<string>> preview) => new(
        i.Id, i.FileName, i.Status, i.Headers, i.Mapping, preview.Take(PreviewRows)
            .ToList(), i.TotalRows, i.ProcessedRows, i.Created, i.Matched, i.Failed,
        i.Errors, i.CreationTime, i.FinishedAt);
}
