namespace HyperCrm.Activities.Messages;

/// <summary>A customer's message as the support inbox shows it, with what triage read in it (null until triaged).</summary>
public sealed record InboundMessageDto(
    Guid Id, MessageChannel Channel, string? FromEmail, string? FromPhone, string? FromName, string? Subject, string Text,
    Guid? CustomerId, Guid? OrderId, DateTimeOffset ReceivedAt, bool Handled)
{
    public string? Intent { get; init; }
    public double? IntentConfidence { get; init; }
    public string? Sentiment { get; init; }
    public string? Language { get; init; }

    /// <summary>The model that read it (e.g. <c>triage-v1</c>).</summary>
    public string? TriagedBy { get; init; }

    /// <summary>A reply drafted for a person to check and send, and who drafted it (<c>template</c>, <c>llm:…</c>).</summary>
    public string? DraftReply { get; init; }
    public string? DraftSource { get; init; }
}
