namespace HyperCrm.Framework.Data;

/// <summary>Proof that one consumer handled one event; written in the consumer's own transaction.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }
    public string Consumer { get; set; } = string.Empty;
    public DateTimeOffset ProcessedAt { get; set; }
}
