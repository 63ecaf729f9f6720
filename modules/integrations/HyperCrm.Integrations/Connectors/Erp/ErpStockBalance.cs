using System.Text.Json.Serialization;

namespace HyperCrm.Integrations.Connectors;

public sealed record ErpStockBalance([property: JsonPropertyName("value")] IReadOnlyList<ErpStockRow>? Value);
