using System.Text.Json.Serialization;

namespace HyperCrm.Integrations.Connectors;

public sealed record ErpCounterpartyAnswer([property: JsonPropertyName("Ref_Key")] string? RefKey, string? Code);
