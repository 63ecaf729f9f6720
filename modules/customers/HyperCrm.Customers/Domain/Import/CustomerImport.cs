using HyperCrm.Customers.Import;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Customers.Domain.Import;

/// <summary>An uploaded CSV file and its import: mapping, progress and the rows that failed (first 200 kept).</summary>
public sealed class CustomerImport : AuditedAggregateRoot<Guid>
{
    public const int MaxErrorsKept = 200;

    public string FileName { get; private set; } = string.Empty;
    public string Content { get; private set; } = string.Empty;
    public ImportStatus Status { get; private set; }
    public List<string> Headers { get; private set; } = [];
    public Dictionary<string, int> Mapping { get; private set; } = [];
    public int TotalRows { get; private set; }
    public int ProcessedRows { get; private set; }
    public int Created { get; private set; }
    public int Matched { get; private set; }
    public int Failed { get; private set; }
    public List<ImportErrorDto> Errors { get; private set; } = [];
    public DateTimeOffset? FinishedAt { get; private set; }

    private CustomerImport() { }

    public CustomerImport(Guid id, string fileName, string content, IReadOnlyList<string> headers, int totalRows,
        IReadOnlyDictionary<string, int> guessedMapping)
        : base(id)
    {
        FileName = Check.NotNullOrWhiteSpace(fileName, nameof(fileName), 200);
        Content = content;
        Headers = [.. headers];
        TotalRows = totalRows;
        Mapping = new Dictionary<string, int>(guessedMapping);
        Status = ImportStatus.Uploaded;
    }

    public void Queue(IReadOnlyDictionary<string, int> mapping)
    {
        if (Status != ImportStatus.Uploaded) throw new BusinessException("Customers:ImportStarted", "This import has already started.");
        if (!mapping.ContainsKey(ImportFields.Name) || !(mapping.ContainsKey(ImportFields.Email)
            || mapping.ContainsKey(ImportFields.Phone)))
            throw new BusinessException("Customers:ImportMapping", "Map a column to the name, and one to the email or the phone.");
        if (mapping.Any(m => !ImportFields.All.Contains(m.Key) || m.Value < 0 || m.Value >= Headers.Count))
            throw new BusinessException("Customers:ImportMapping", "The mapping names an unknown field or column.");
        Mapping = new Dictionary<string, int>(mapping);
        Status = ImportStatus.Queued;
    }

    public void MarkRunning() => Status = ImportStatus.Running;

    public void RecordRow(int row, bool created, string? error)
    {
        ProcessedRows = row;
        if (error is not null)
        {
            Failed++;
            if (Errors.Count < MaxErrorsKept) Errors = [.. Errors, new ImportErrorDto(row, error)];
        }
        else if (created) Created++;
        else Matched++;
    }

    public void Complete(DateTimeOffset now)
    {
        Status = ImportStatus.Completed;
        FinishedAt = now;
        Content = string.Empty;
    }
}
