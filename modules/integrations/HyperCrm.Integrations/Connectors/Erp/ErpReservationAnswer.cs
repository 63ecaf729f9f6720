using System.Text.Json.Serialization;

namespace HyperCrm.Integrations.Connectors;

public sealed record ErpReservationAnswer([property: JsonPropertyName("Ref_Key")] string? RefKey, bool? Reserved,
    IReadOnlyList<ErpMissing>? Missing);
