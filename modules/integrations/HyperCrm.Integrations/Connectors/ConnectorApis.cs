using System.Text.Json.Serialization;
using Refit;

namespace HyperCrm.Integrations.Connectors;

/// <summary>The 1C-style ERP, over OData (JSON). Writes carry an idempotency key and the CRM order they are for.</summary>
public interface IErpApi
{
    [Get("/odata/AccumulationRegister_StockBalance?$format=json")]
    Task<ErpStockBalance> GetStockAsync(CancellationToken cancellationToken);

    [Post("/odata/Catalog_Counterparties")]
    Task<ErpCounterpartyAnswer> CreateCounterpartyAsync([Body] ErpCounterpartyRequest body, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    [Post("/odata/Document_CustomerOrder")]
    Task<ErpCustomerOrderAnswer> CreateCustomerOrderAsync([Body] ErpCustomerOrderRequest body, [Header("Idempotency-Key")] string idempotencyKey,
        [Header("X-Reference")] string reference, CancellationToken cancellationToken);

    [Post("/odata/Document_CustomerOrder/{key}/Reserve")]
    Task<ErpReservationAnswer> ReserveAsync(string key, [Header("Idempotency-Key")] string idempotencyKey, [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);

    [Post("/odata/Document_Sales")]
    Task<ErpSaleAnswer> PostSaleAsync([Body] ErpSaleRequest body, [Header("Idempotency-Key")] string idempotencyKey, [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);
}

public sealed record ErpStockRow(string? Sku, string? Description, decimal? Price, int? OnHand, int? Reserved);

public sealed record ErpStockBalance([property: JsonPropertyName("value")] IReadOnlyList<ErpStockRow>? Value);

public sealed record ErpCounterpartyRequest(string Description, string? Email, string? Phone, string CrmId);

public sealed record ErpCounterpartyAnswer([property: JsonPropertyName("Ref_Key")] string? RefKey, string? Code);

public sealed record ErpLineRequest(string Sku, int Quantity, decimal Price);

public sealed record ErpCustomerOrderRequest([property: JsonPropertyName("Counterparty_Key")] string CounterpartyKey, string CrmOrderId, IReadOnlyList<ErpLineRequest> Lines);

public sealed record ErpCustomerOrderAnswer([property: JsonPropertyName("Ref_Key")] string? RefKey, string? Number);

public sealed record ErpMissing(string? Sku, int Requested, int Free);

public sealed record ErpReservationAnswer([property: JsonPropertyName("Ref_Key")] string? RefKey, bool? Reserved, IReadOnlyList<ErpMissing>? Missing);

public sealed record ErpSaleRequest([property: JsonPropertyName("CustomerOrder_Key")] string CustomerOrderKey);

public sealed record ErpSaleAnswer([property: JsonPropertyName("Ref_Key")] string? RefKey, string? Number);

public interface IWmsApi
{
    [Get("/health")]
    Task<HealthAnswer> PingAsync(CancellationToken cancellationToken);

    [Post("/pick-tasks")]
    Task<PickTaskAnswer> CreatePickTaskAsync([Body] PickTaskRequest body, [Header("Idempotency-Key")] string idempotencyKey, [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);

    [Get("/pick-tasks/{id}")]
    Task<PickTaskAnswer> GetPickTaskAsync(string id, CancellationToken cancellationToken);
}

public sealed record HealthAnswer(string? Status);

public sealed record PickLineRequest(string Sku, int Quantity);

public sealed record PickTaskRequest(string Reference, IReadOnlyList<PickLineRequest> Lines);

public sealed record PickTaskAnswer(string? Id, string? Status);

public interface ICourierApi
{
    [Get("/health")]
    Task<HealthAnswer> PingAsync(CancellationToken cancellationToken);

    [Post("/shipments")]
    Task<ShipmentAnswer> CreateShipmentAsync([Body] ShipmentRequest body, [Header("Idempotency-Key")] string idempotencyKey, [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);
}

public sealed record ShipmentRequest(string Reference, string Recipient, string? Phone, string Address);

public sealed record ShipmentAnswer(string? Id, string? Waybill, string? TrackingNumber, string? Status);

/// <summary>The SMS gateway and the mail service share one message API shape.</summary>
public interface IMessageApi
{
    [Get("/health")]
    Task<HealthAnswer> PingAsync(CancellationToken cancellationToken);

    [Post("/messages")]
    Task<MessageAnswer> SendAsync([Body] MessageRequest body, [Header("Idempotency-Key")] string idempotencyKey, [Header("X-Reference")] string reference,
        CancellationToken cancellationToken);
}

public interface ISmsApi : IMessageApi;

public interface IEmailApi : IMessageApi;

public sealed record MessageRequest(string To, string? Subject, string Text, string? Reference);

public sealed record MessageAnswer(string? Id, string? Status);

/// <summary>An answer that lacks what we rely on: an error at the connector, never a null further down.</summary>
public sealed class ConnectorResponseException(string connector, string message) : Exception($"{connector}: {message}")
{
    public string Connector { get; } = connector;
}

public static class Require
{
    public static string Text(string connector, string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ConnectorResponseException(connector, $"the answer has no '{field}'.") : value;

    public static T Value<T>(string connector, T? value, string field) where T : struct =>
        value ?? throw new ConnectorResponseException(connector, $"the answer has no '{field}'.");
}
