namespace HyperCrm.Customers.Import;

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
