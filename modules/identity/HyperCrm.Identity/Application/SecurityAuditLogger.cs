using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Identity.Application;

/// <summary>Writes through a DbContext of its own, so an audit entry never rides on (or waits for) the caller's unsaved changes.</summary>
public sealed class SecurityAuditLogger(
    IServiceScopeFactory scopeFactory,
    ICurrentUser currentUser,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider clock) : ISecurityAuditLogger
{
    public async Task LogAsync(string action, bool succeeded, string? subject, string? details = null,
        CancellationToken cancellationToken = default)
    {
        var http = httpContextAccessor.HttpContext;
        var entry = new SecurityAuditEntry(
            Guid.CreateVersion7(), clock.GetUtcNow(), action, succeeded, subject,
            currentUser.Id, currentUser.IsAuthenticated ? currentUser.UserName : null,
            http?.Connection.RemoteIpAddress?.ToString(), http?.Request.Headers.UserAgent.ToString(), details);
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        db.SecurityAuditLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }
}
