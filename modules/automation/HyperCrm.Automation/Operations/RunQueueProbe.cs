using HyperCrm.Automation.Data;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Operations;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Operations;

/// <summary>The runs by state for the operations console (index range scans on state and on the next attempt).</summary>
public sealed class RunQueueProbe(AutomationDbContext db, TimeProvider clock) : IOperationsProbe
{
    private static readonly RunState[] Unfinished = [RunState.Pending, RunState.Running, RunState.Waiting, RunState.Compensating,
        RunState.DeadLettered];

    public async Task<IReadOnlyList<QueueReading>> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var byState = await db.Runs.AsNoTracking().Where(r => Unfinished.Contains(r.State))
            .GroupBy(r => r.State)
            .Select(g => new { State = g.Key, Count = g.LongCount(), Retrying = g.LongCount(r => r.Attempt > 0),
                Oldest = g.Min(r => r.StartedAt) })
            .ToListAsync(cancellationToken);
        var due = await db.Runs.AsNoTracking().Where(r => r.NextAttemptAt != null && r.NextAttemptAt <= now)
            .GroupBy(_ => 1).Select(g => new { Count = g.LongCount(), Oldest = g.Min(r => r.NextAttemptAt) })
            .FirstOrDefaultAsync(cancellationToken);
        var readings = new List<QueueReading>
        {
            new("automation.runs.due", "automation", Message.Of("Automation:Operations:RunsDue"), due?.Count ?? 0,
                due?.Oldest is { } oldestDue ? Math.Max(0, (now - oldestDue).TotalSeconds) : null,
                    "/Settings/Automation/Runs?State=Running"),
        };
        foreach (var state in Unfinished)
        {
            var row = byState.FirstOrDefault(s => s.State == state);
            readings.Add(new QueueReading($"automation.runs.{StateKey(state)}", "automation",
                Message.Of("Automation:Operations:Runs" + state), row?.Count ?? 0,
                row is null ? null : Math.Max(0, (now - row.Oldest).TotalSeconds),
                $"/Settings/Automation/Runs?State={state}",
                    Failing: state == RunState.DeadLettered ? row?.Count ?? 0 : row?.Retrying ?? 0));
        }
        return readings;
    }

    private static string StateKey(RunState state) => state == RunState.DeadLettered ? "dead_lettered" : state.ToString()
        .ToLowerInvariant();
}
