namespace HyperCrm.Sandbox;

/// <summary>A customer's email to the shop's mailbox, numbered in arrival order (the CRM reads on from the last number it
/// saw).</summary>
public sealed record IncomingMail(long Sequence, string Id, string From, string? Name, string? Subject, string Text, DateTimeOffset At);
