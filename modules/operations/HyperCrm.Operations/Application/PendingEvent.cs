namespace HyperCrm.Operations.Application;

/// <summary>An event in a module's outbox that its consumers have not all handled yet.</summary>
public sealed record PendingEvent(Guid Id, string EventName, DateTimeOffset OccurredAt, int Attempts, DateTimeOffset NextAttemptAt,
    string? LastError);
