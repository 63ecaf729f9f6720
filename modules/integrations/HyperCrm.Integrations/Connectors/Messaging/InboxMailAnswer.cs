namespace HyperCrm.Integrations.Connectors;

/// <summary>A customer's email as the mailbox API lists it, numbered in arrival order.</summary>
public sealed record InboxMailAnswer(long Sequence, string Id, string From, string? Name, string? Subject, string Text, DateTimeOffset At);
