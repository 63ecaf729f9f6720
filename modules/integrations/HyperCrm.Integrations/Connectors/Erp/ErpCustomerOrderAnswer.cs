using System.Text.Json.Serialization;

namespace HyperCrm.Integrations.Connectors;

public sealed record ErpCustomerOrderAnswer([property: JsonPropertyName("Ref_Key")] string? RefKey, string? Number);
