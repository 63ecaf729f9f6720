namespace HyperCrm.Framework.Outbox;

/// <summary>A module DbContext whose outbox table the dispatcher drains.</summary>
public sealed record OutboxSource(Type DbContextType);
