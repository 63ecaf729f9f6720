using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Operations;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Operations.Application;
using HyperCrm.Operations.Data;
using HyperCrm.Operations.Domain;
using HyperCrm.Operations.Instances;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Operations.Alerts;

/// <summary>
/// Looks at every enabled rule's subjects: a threshold that starts to hold opens a breach; a breach that has held for the
/// rule's minutes fires one alert (a unique index keeps it to one firing alert per rule and subject, whichever instance
/// evaluates) and notifies; an alert whose threshold no longer holds clears. Runs as a clustered Quartz job, so one
/// instance evaluates at a time.
/// </summary>
public sealed class AlertEvaluator(
    OperationsDbContext db,
    OperationsConsole console,
    IConnectorAppService connectors,
    AlertNotifier notifier,
    TimeProvider clock,
    ILogger<AlertEvaluator> logger)
{
    /// <summary>A connector's error rate counts once it has this many recent calls.</summary>
    public const int MinimumCalls = 10;

    public const string BotFailuresPrefix = "robots.bot_failures.";

    /// <summary>Evaluates every rule once; returns the alerts fired and cleared.</summary>
    public async Task<(int Fired, int Cleared)> EvaluateAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rules = await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken);
        var enabled = rules.Where(r => r.Enabled).ToList();
        var readings = enabled.Any(r => r.Kind is AlertKind.Backlog or AlertKind.Age or AlertKind.BotFailing)
            ? await console.ReadingsAsync(cancellationToken) : [];
        var health = enabled.Any(r => r.Kind is AlertKind.ErrorRate or AlertKind.CircuitOpen)
            ? await connectors.GetSharedHealthAsync(TimeSpan.FromMinutes(5), cancellationToken) : [];
        var instances = enabled.Any(r => r.Kind == AlertKind.InstanceGone)
            ? await console.InstancesAsync(cancellationToken) : [];
        var breaches = await db.Breaches.ToListAsync(cancellationToken);
        var firing = await db.Alerts.Where(a => a.ResolvedAt == null).ToListAsync(cancellationToken);
        var fired = new List<(Alert Alert, AlertRule Rule)>();
        var cleared = 0;
        foreach (var rule in enabled)
        {
            var conditions = Conditions(rule, readings, health, instances, now).ToDictionary(c => c.Subject, StringComparer.Ordinal);
            foreach (var condition in conditions.Values.Where(c => c.Holds))
            {
                var breach = breaches.FirstOrDefault(b => b.RuleId == rule.Id && b.Subject == condition.Subject);
                if (breach is null)
                {
                    breach = new AlertBreach { RuleId = rule.Id, Subject = condition.Subject, Since = now, Value = condition.Value };
                    db.Breaches.Add(breach);
                    breaches.Add(breach);
                }
                breach.Value = condition.Value;
                var open = firing.FirstOrDefault(a => a.RuleId == rule.Id && a.Subject == condition.Subject);
                if (open is not null)
                {
                    open.Observe(condition.Value);
                }
                else if (now - breach.Since >= TimeSpan.FromMinutes(rule.ForMinutes))
                {
                    var alert = new Alert(Guid.CreateVersion7(now), rule, condition.Subject, condition.Value, condition.Message, now);
                    db.Alerts.Add(alert);
                    firing.Add(alert);
                    fired.Add((alert, rule));
                }
            }
            // What no longer holds: its breach ends, its alert clears.
            foreach (var breach in breaches.Where(b => b.RuleId == rule.Id
                                                       && !(conditions.TryGetValue(b.Subject, out var c) && c.Holds)).ToList())
            {
                db.Breaches.Remove(breach);
                breaches.Remove(breach);
            }
            foreach (var alert in firing.Where(a => a.RuleId == rule.Id && a.ResolvedAt is null
                                                    && !(conditions.TryGetValue(a.Subject, out var c) && c.Holds)).ToList())
            {
                alert.Resolve(now);
                cleared++;
            }
        }
        // A rule switched off or deleted: its alerts clear and its breaches go.
        var live = enabled.Select(r => r.Id).ToHashSet();
        foreach (var alert in firing.Where(a => a.ResolvedAt is null && !live.Contains(a.RuleId)))
        {
            alert.Resolve(now);
            cleared++;
        }
        db.Breaches.RemoveRange(breaches.Where(b => !live.Contains(b.RuleId)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another instance evaluated at the same moment (a misfire recovered twice): its result stands; the next round goes on.
            logger.LogInformation("Alert evaluation collided with another instance's: {Error}", ex.InnerException?.Message ?? ex.Message);
            return (0, 0);
        }
        foreach (var (alert, rule) in fired) await notifier.NotifyAsync(alert, rule, cancellationToken);
        if (fired.Count > 0) await db.SaveChangesAsync(cancellationToken);
        return (fired.Count, cleared);
    }

    private static IEnumerable<AlertCondition> Conditions(AlertRule rule, IReadOnlyList<QueueReading> readings,
        IReadOnlyList<ConnectorHealthDto> health, IReadOnlyList<InstanceRecord> instances, DateTimeOffset now)
    {
        switch (rule.Kind)
        {
            case AlertKind.Backlog:
                return readings.Where(r => !r.Key.StartsWith(BotFailuresPrefix, StringComparison.Ordinal) && rule.Watches(r.Key))
                    .Select(r => new AlertCondition(r.Key, r.Count, r.Count > rule.Threshold,
                        Message.Of("Operations:Alert:Backlog", ("key", r.Key), ("count", r.Count), ("threshold", rule.Threshold))));
            case AlertKind.Age:
                return readings.Where(r => r.OldestSeconds is not null && rule.Watches(r.Key))
                    .Select(r => new AlertCondition(r.Key, Math.Round(r.OldestSeconds!.Value), r.OldestSeconds > rule.Threshold,
                        Message.Of("Operations:Alert:Age", ("key", r.Key), ("seconds", Math.Round(r.OldestSeconds!.Value)),
                            ("threshold", rule.Threshold))));
            case AlertKind.BotFailing:
                return readings.Where(r => r.Key.StartsWith(BotFailuresPrefix, StringComparison.Ordinal)
                                           && rule.Watches(r.Key[BotFailuresPrefix.Length..]))
                    .Select(r => new AlertCondition(r.Key[BotFailuresPrefix.Length..], r.Count, r.Count >= Math.Max(1, rule.Threshold),
                        Message.Of("Operations:Alert:BotFailing", ("bot", r.Key[BotFailuresPrefix.Length..]), ("count", r.Count))));
            case AlertKind.ErrorRate:
                return health.Where(h => rule.Watches(h.Name) && h.RecentCalls >= MinimumCalls)
                    .Select(h => new AlertCondition(h.Name, Math.Round(h.ErrorRate * 100, 1), h.ErrorRate * 100 > rule.Threshold,
                        Message.Of("Operations:Alert:ErrorRate", ("connector", h.Name), ("rate", Math.Round(h.ErrorRate * 100, 1)),
                            ("calls", h.RecentCalls))));
            case AlertKind.CircuitOpen:
                return health.Where(h => rule.Watches(h.Name))
                    .Select(h => new AlertCondition(h.Name, h.OpenOn.Count, h.CircuitState != "Closed",
                        Message.Of("Operations:Alert:CircuitOpen", ("connector", h.Name), ("instances", string.Join(", ", h.OpenOn)))));
            case AlertKind.InstanceGone:
                var quiet = TimeSpan.FromSeconds(Math.Max(rule.Threshold, InstanceHeartbeat.GoneAfter.TotalSeconds));
                var alive = instances.Where(i => i.StoppedAt is null && now - i.LastSeenAt <= quiet).Select(i => i.Name)
                    .ToHashSet(StringComparer.Ordinal);
                return instances.Where(i => rule.Watches(i.Name)).GroupBy(i => i.Name, StringComparer.Ordinal)
                    .Select(g => g.MaxBy(i => i.LastSeenAt)!)
                    .Select(i => new AlertCondition(i.Name, Math.Round((now - i.LastSeenAt).TotalSeconds),
                        i.StoppedAt is null && now - i.LastSeenAt > quiet && !alive.Contains(i.Name),
                        Message.Of("Operations:Alert:InstanceGone", ("instance", i.Name), ("host", i.Host), ("pid", i.ProcessId),
                            ("at", i.LastSeenAt))));
            default:
                return [];
        }
    }
}
