using HyperCrm.Automation.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// The enabled rules by trigger, read in one query and kept for two seconds, so a burst of events does not ask the
/// database for the same list each time. Publishing, rolling back, enabling or disabling here refreshes it at once;
/// other instances see the change within the two seconds.
/// </summary>
public sealed class ActiveRuleCache(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<ActiveRule>> ForAsync(AutomationDbContext db, string trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.LoadedAt > Lifetime)
        {
            var rules = await db.Rules.AsNoTracking().Where(r => r.IsEnabled && r.ActiveVersionId != null && r.ActiveTrigger != null)
                .Select(r => new { Trigger = r.ActiveTrigger!, Rule = new ActiveRule(r.Id, r.Name, r.ActiveVersionId!.Value,
                    r.ActiveVersionNumber!.Value) })
                .ToListAsync(cancellationToken);
            snapshot = new Snapshot(clock.GetUtcNow(), rules.ToLookup(r => r.Trigger, r => r.Rule, StringComparer.Ordinal));
            _snapshot = snapshot;
        }
        return snapshot.ByTrigger[trigger].ToList();
    }

    public void Invalidate() => _snapshot = null;

    private sealed record Snapshot(DateTimeOffset LoadedAt, ILookup<string, ActiveRule> ByTrigger);
}
