namespace HyperCrm.Customers.Timeline;

public sealed record TimelineEntryDto(
    Guid Id,
    DateTimeOffset At,
    string Module,
    string Kind,
    string Title,
    ActorKind Actor,
    string? ActorName,
    string? Reason,
    Guid? ReferenceId,
    string? ReferenceKind);
