using System.Text.Json.Serialization;

namespace HyperCrm.Integrations.Connectors;

public sealed record ErpCustomerOrderRequest([property: JsonPropertyName("Counterparty_Key")] string CounterpartyKey, string CrmOrderId,
    IReadOnlyList<ErpLineRequest> Lines);
