using System.Text.Json.Serialization;

namespace HyperCrm.Customers.Import;

public enum ImportStatus
{
    [JsonStringEnumMemberName("uploaded")] Uploaded,
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>The customer fields a CSV column can fill.</summary>
public static class ImportFields
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Kind = "kind";
    public const string Tags = "tags";
    public const string Notes = "notes";

    public static readonly IReadOnlyList<string> All = [Name, Email, Phone, Kind, Tags, Notes];
}

public sealed record ImportErrorDto(int Row, string Message);

public sealed record CustomerImportDto(
    Guid Id,
    string FileName,
    ImportStatus Status,
    IReadOnlyList<string> Headers,
    IReadOnlyDictionary<string, int> Mapping,
    IReadOnlyList<IReadOnlyList<string>> Preview,
    int TotalRows,
    int ProcessedRows,
    int Created,
    int Matched,
    int Failed,
    IReadOnlyList<ImportErrorDto> Errors,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    public int Percent => TotalRows == 0 ? 100 : (int)(ProcessedRows * 100L / TotalRows);
}

/// <summary>CSV import: upload (preview and guessed mapping), start with a mapping (runs in the background), follow progress.</summary>
public interface ICustomerImportAppService
{
    Task<CustomerImportDto> UploadAsync(string fileName, string content, CancellationToken cancellationToken = default);

    Task<CustomerImportDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<CustomerImportDto> StartAsync(Guid id, IReadOnlyDictionary<string, int> mapping, CancellationToken cancellationToken = default);

    /// <summary>Processes the rows (the background job calls it); resumes after the rows already done, so a restart loses nothing.</summary>
    Task ProcessAsync(Guid id, CancellationToken cancellationToken = default);
}
