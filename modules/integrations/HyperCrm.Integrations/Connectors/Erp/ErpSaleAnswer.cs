using System.Text.Json.Serialization;

namespace HyperCrm.Integrations.Connectors;

public sealed record ErpSaleAnswer([property: JsonPropertyName("Ref_Key")] string? RefKey, string? Number);
