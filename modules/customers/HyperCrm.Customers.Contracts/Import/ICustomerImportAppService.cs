namespace HyperCrm.Customers.Import;

/// <summary>CSV import: upload (preview and guessed mapping), start with a mapping (runs in the background), follow progress.</summary>
public interface ICustomerImportAppService
{
    Task<CustomerImportDto> UploadAsync(string fileName, string content, CancellationToken cancellationToken = default);

    Task<CustomerImportDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task<CustomerImportDto> StartAsync(Guid id, IReadOnlyDictionary<string, int> mapping, CancellationToken cancellationToken = default);

    /// <summary>Processes the rows (the background job calls it); resumes after the rows already done, so a restart loses
    /// nothing.</summary>
    Task ProcessAsync(Guid id, CancellationToken cancellationToken = default);
}
