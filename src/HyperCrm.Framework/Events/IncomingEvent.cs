namespace HyperCrm.Framework.Events;

/// <summary>The event a handler is handling: its id, name, time, and how many automated reactions led to it.</summary>
public sealed record IncomingEvent(Guid Id, string Name, DateTimeOffset OccurredAt, int CausationDepth);
