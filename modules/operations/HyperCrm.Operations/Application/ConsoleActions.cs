using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Operations.Data;
using HyperCrm.Operations.Domain;
using HyperCrm.Operations.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Operations.Application;

/// <summary>
/// What an operator does from the console, each act audited with who did it: retry and skip dead letters (one or many),
/// pause and resume work, run and pause scheduled jobs, and keep the alert rules and acknowledge alerts. The pages check
/// <see cref="OperationsPermissions.Manage"/> before they call any of it.
/// </summary>
public sealed class ConsoleActions(
    IEnumerable<IDeadLetterSource> deadLetters,
    IEnumerable<IPausableSource> pausables,
    JobConsole jobs,
    OperationsDbContext db,
    ICurrentUser user,
    ISecurityAuditLogger audit,
    TimeProvider clock)
{
    /// <summary>The most dead letters one bulk action takes.</summary>
    public const int MaxBulk = 500;

    private string Operator => user.UserName ?? user.Email ?? "operator";

    /// <summary>Retries (or skips) the given dead letters of one source; returns how many it changed (others were handled
    /// meanwhile).</summary>
    public async Task<int> ResolveAsync(string source, IReadOnlyCollection<string> ids, bool skip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var from = deadLetters.FirstOrDefault(s => s.Source == source)
                   ?? throw new BusinessException("Operations:UnknownSource", "There is no such kind of dead letter.");
        if (ids.Count is 0 or > MaxBulk)
            throw new BusinessException("Operations:BulkSize", $"Choose 1 to {MaxBulk} dead letters.") { Arguments = [MaxBulk] };
        var changed = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (skip ? await from.SkipAsync(id, cancellationToken) : await from.RetryAsync(id, cancellationToken)) changed++;
        }
        await audit.LogAsync(skip ? "operations.dead_letters_skipped" : "operations.dead_letters_retried", true, source,
            $"{changed} of {ids.Count}: {string.Join(", ", ids.Take(20))}{(ids.Count > 20 ? ", …" : string.Empty)}", cancellationToken);
        return changed;
    }

    public async Task<bool> SetPausedAsync(string kind, string key, bool paused, CancellationToken cancellationToken)
    {
        var source = pausables.FirstOrDefault(p => p.Kind == kind)
                     ?? throw new BusinessException("Operations:UnknownKind", "That cannot be paused.");
        var done = await source.SetPausedAsync(key, paused, Operator, cancellationToken);
        await audit.LogAsync(paused ? "operations.paused" : "operations.resumed", done, $"{kind} {key}", null, cancellationToken);
        return done;
    }

    public async Task<bool> JobAsync(string action, string group, string name, CancellationToken cancellationToken)
    {
        var done = action switch
        {
            "pause" => await jobs.PauseAsync(group, name, cancellationToken),
            "resume" => await jobs.ResumeAsync(group, name, cancellationToken),
            "trigger" => await jobs.TriggerNowAsync(group, name, cancellationToken),
            _ => throw new BusinessException("Operations:UnknownJobAction", "Pause, resume or trigger a job."),
        };
        await audit.LogAsync("operations.job_" + action, done, $"job {group}.{name}", null, cancellationToken);
        return done;
    }

    public async Task<AlertRule> SaveRuleAsync(Guid? id, string name, AlertKind kind, string target, double threshold, int forMinutes,
        bool email, CancellationToken cancellationToken)
    {
        AlertRule rule;
        if (id is { } existing)
        {
            rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == existing, cancellationToken)
                   ?? throw new EntityNotFoundException(typeof(AlertRule), existing);
            rule.Update(name, kind, target, threshold, forMinutes, email);
        }
        else
        {
            rule = new AlertRule(Guid.CreateVersion7(), name, kind, target, threshold, forMinutes, email);
            db.AlertRules.Add(rule);
        }
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(id is null ? "operations.alert_rule_created" : "operations.alert_rule_updated", true,
            $"alert rule {rule.Name}",
            $"{rule.Kind} {rule.Target} > {rule.Threshold} for {rule.ForMinutes} min", cancellationToken);
        return rule;
    }

    public async Task<bool> EnableRuleAsync(Guid id, bool enabled, CancellationToken cancellationToken)
    {
        var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return false;
        rule.Enable(enabled);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(enabled ? "operations.alert_rule_enabled" : "operations.alert_rule_disabled", true, $"alert rule {rule.Name}",
            null, cancellationToken);
        return true;
    }

    public async Task<bool> DeleteRuleAsync(Guid id, CancellationToken cancellationToken)
    {
        var rule = await db.AlertRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is null) return false;
        db.AlertRules.Remove(rule);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("operations.alert_rule_deleted", true, $"alert rule {rule.Name}", null, cancellationToken);
        return true;
    }

    public async Task<bool> AcknowledgeAsync(Guid alertId, CancellationToken cancellationToken)
    {
        var alert = await db.Alerts.FirstOrDefaultAsync(a => a.Id == alertId, cancellationToken);
        if (alert is null || alert.AcknowledgedAt is not null) return false;
        alert.Acknowledge(Operator, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("operations.alert_acknowledged", true, $"alert {alert.RuleName}: {alert.Subject}", null, cancellationToken);
        return true;
    }
}
