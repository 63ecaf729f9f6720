namespace HyperCrm.Operations.Domain;

/// <summary>Since when a rule's threshold holds for one subject (not yet long enough to fire, or firing).</summary>
public sealed class AlertBreach
{
    public Guid RuleId { get; set; }
    public string Subject { get; set; } = string.Empty;
    public DateTimeOffset Since { get; set; }
    public double Value { get; set; }
}
