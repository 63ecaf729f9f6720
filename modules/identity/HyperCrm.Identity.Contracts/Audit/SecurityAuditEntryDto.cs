namespace HyperCrm.Identity.Audit;

public sealed record SecurityAuditEntryDto(
    Guid Id,
    DateTimeOffset Time,
    string Action,
    bool Succeeded,
    string? Subject,
    string? ActorName,
    string? ClientIp,
    string? Details);
