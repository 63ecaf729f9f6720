namespace HyperCrm.Framework.Outbox;

/// <summary>Where a drain of one outbox stopped, in the order rows are claimed.</summary>
public readonly record struct OutboxPosition(DateTimeOffset NextAttemptAt, Guid Id);
