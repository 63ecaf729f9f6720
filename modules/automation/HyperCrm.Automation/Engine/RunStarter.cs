using HyperCrm.Automation.Data;
using HyperCrm.Automation.Domain.Runs;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Diagnostics;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// The one way a run begins, whatever started it (an event, a schedule, a person): the run is added to the caller's
/// transaction, stopped at once beyond the loop depth limit, its condition decided, and its side-effect-free steps
/// executed; the rest is left to the worker. The caller saves and commits.
/// </summary>
public sealed class RunStarter(AutomationDbContext db, RuleProgramCache programs, RunInterpreter interpreter, TimeProvider clock,
    WorkPauses pauses, IOptions<AutomationOptions> options)
{
    /// <summary>Returns the run (or null when its condition did not hold and skipped runs are not kept) and whether the worker has
    /// work.</summary>
    public async Task<(Run? Run, bool WorkerNeeded)> StartAsync(ActiveRule rule, string trigger, Guid? eventId, string? subjectKind,
        Guid? subjectId,
        Message summary, Dictionary<string, object?> data, int depth, bool keepSkipped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var now = clock.GetUtcNow();
        var program = await programs.GetAsync(db, rule.VersionId, cancellationToken);
        var run = new Run(Guid.CreateVersion7(now), rule.Id, rule.Name, rule.VersionId, rule.Version, trigger, eventId, subjectKind,
            subjectId, summary, depth, data, now);
        run.TraceFrom(HyperTelemetry.CurrentTraceParent());
        db.Runs.Add(run);
        if (depth > options.Value.MaxDepth)
        {
            var reason = Message.Of("Automation:Run:LoopGuard", ("chain", depth - 1), ("limit", options.Value.MaxDepth));
            db.RunSteps.Add(run.Log("start", "loop_guard", null, StepState.Failed, null, null, reason, null, now, now, null));
            run.Stop(reason, now);
            return (run, false);
        }
        // Paused by an operator: the run is kept, pending, and the worker starts it after the resume.
        if (await pauses.IsPausedAsync(WorkKinds.Rule, rule.Id.ToString(), cancellationToken)) return (run, true);
        if (!interpreter.Start(run, program))
        {
            if (keepSkipped || options.Value.RecordSkippedRuns) return (run, false);
            // Without change detection: the caller's context may track a whole batch of runs, and nothing here was modified.
            using (db.ChangeTracker.Pause())
            {
                foreach (var entry in db.ChangeTracker.Entries<RunStep>().Where(e => e.Entity.RunId == run.Id)
                    .ToList()) entry.State = EntityState.Detached;
                db.Entry(run).State = EntityState.Detached;
            }
            return (null, false);
        }
        await interpreter.ContinueAsync(run, program, inline: true, cancellationToken);
        return (run, !run.IsFinished && run.State != RunState.DeadLettered);
    }
}
