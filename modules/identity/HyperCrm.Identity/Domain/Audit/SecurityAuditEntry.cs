namespace HyperCrm.Identity.Domain.Audit;

/// <summary>One security-relevant event: a sign-in attempt, a role, permission or key change. Append-only.</summary>
public sealed class SecurityAuditEntry
{
    public Guid Id { get; private set; }
    public DateTimeOffset Time { get; private set; }
    public string Action { get; private set; } = string.Empty;
    public bool Succeeded { get; private set; }

    /// <summary>Whom it is about (the email typed at sign-in, the user whose roles changed, the partner).</summary>
    public string? Subject { get; private set; }

    /// <summary>Who did it (the signed-in admin), when not the subject.</summary>
    public Guid? ActorId { get; private set; }
    public string? ActorName { get; private set; }
    public string? ClientIp { get; private set; }
    public string? UserAgent { get; private set; }
    public string? Details { get; private set; }

    private SecurityAuditEntry() { }

    public SecurityAuditEntry(Guid id, DateTimeOffset time, string action, bool succeeded, string? subject,
        Guid? actorId, string? actorName, string? clientIp, string? userAgent, string? details)
    {
        Id = id;
        Time = time;
        Action = action;
        Succeeded = succeeded;
        Subject = Truncate(subject, 256);
        ActorId = actorId;
        ActorName = Truncate(actorName, 256);
        ClientIp = Truncate(clientIp, 64);
        UserAgent = Truncate(userAgent, 512);
        Details = Truncate(details, 2000);
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
