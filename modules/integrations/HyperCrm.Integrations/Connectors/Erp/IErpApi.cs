using Refit;

namespace HyperCrm.Integrations.Connectors;

/// <summary>The 1C-style ERP, over OData (JSON). Writes carry an idempotency key and the CRM order they are for.</summary>
public interface IErpApi
{
    [Get("/odata/AccumulationRegister_StockBalance?$format=json")]
    Task<ErpStockBalance> GetStockAsync(CancellationToken cancellationToken);

    [Post("/odata/Catalog_Counterparties")]
    Task<ErpCounterpartyAnswer> CreateCounterpartyAsync([Body] ErpCounterpartyRequest body,
        [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    [Post("/odata/Document_CustomerOrder")]
    Task<ErpCustomerOrderAnswer> CreateCustomerOrderAsync([Body] ErpCustomerOrderRequest body,
        [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    [Post("/odata/Document_CustomerOrder/{key}/Reserve")]
    Task<ErpReservationAnswer> ReserveAsync(string key, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);

    [Post("/odata/Document_Sales")]
    Task<ErpSaleAnswer> PostSaleAsync([Body] ErpSaleRequest body, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);
}
