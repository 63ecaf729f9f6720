using System.Text.Json.Serialization;

namespace HyperCrm.Integrations.Connectors;

public sealed record ErpSaleRequest([property: JsonPropertyName("CustomerOrder_Key")] string CustomerOrderKey);
