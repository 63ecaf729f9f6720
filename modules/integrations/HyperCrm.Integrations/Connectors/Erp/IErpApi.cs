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

    /// <summary>Gives the order's reserved stock back.</summary>
    [Post("/odata/Document_CustomerOrder/{key}/Release")]
    Task<ErpCustomerOrderAnswer> ReleaseAsync(string key, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    /// <summary>Closes an order that will not ship (releasing what it still reserves).</summary>
    [Post("/odata/Document_CustomerOrder/{key}/Close")]
    Task<ErpCustomerOrderAnswer> CloseAsync(string key, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    /// <summary>A return of goods from the customer: the sale's stock comes back.</summary>
    [Post("/odata/Document_SalesReturn")]
    Task<ErpSaleAnswer> PostReturnAsync([Body] ErpSaleRequest body, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    [Post("/odata/Document_Sales")]
    Task<ErpSaleAnswer> PostSaleAsync([Body] ErpSaleRequest body, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);
}
