namespace HyperCrm.Analytics.Domain;

/// <summary>
/// One case of the event log summed up, kept up to date by the writer with each of its entries: when it began and last
/// moved, its path (the variant: its activities in order), how many of its steps people, automation and partners did, the
/// bot time and connector calls spent on it. The KPIs and the variants read these instead of the whole log.
/// </summary>
public sealed class CaseSummary
{
    public Guid CaseId { get; private set; }
    public string ObjectType { get; private set; } = string.Empty;
    public string? Label { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastAt { get; private set; }
    public string FirstActivity { get; private set; } = string.Empty;
    public string LastActivity { get; private set; } = string.Empty;
    public string Variant { get; private set; } = string.Empty;
    public int Events { get; private set; }
    public int HumanSteps { get; private set; }
    public int AutomatedSteps { get; private set; }
    public long BotMs { get; private set; }
    public int ConnectorCalls { get; private set; }
    public Guid? PartnerId { get; private set; }
    public Guid? CustomerId { get; private set; }

    /// <summary>When the order was placed, first shipped and first delivered (null until it was): processing times.</summary>
    public DateTimeOffset? PlacedAt { get; private set; }

    public DateTimeOffset? ShippedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    private CaseSummary() { }

    /// <summary>The separator of a variant's activities.</summary>
    public const string VariantSeparator = " > ";
}
