namespace HyperCrm.Identity.Audit;

/// <summary>Writes one security event at once, in its own transaction, with the caller's IP and the acting user.</summary>
public interface ISecurityAuditLogger
{
    /// <param name="subject">Whom the event is about (the user signing in, the user whose roles changed).</param>
    Task LogAsync(string action, bool succeeded, string? subject, string? details = null, CancellationToken cancellationToken = default);
}
