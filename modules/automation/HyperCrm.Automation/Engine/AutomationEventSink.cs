using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Domain.Runs;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// Every trigger event arrives here, inside the automation inbox transaction: the event is recorded (for dry-runs),
/// runs waiting for it resume, and each enabled rule on this trigger gets a run, whose condition and
/// side-effect-free steps run at once. Run creation commits with the inbox row, so a redelivered event starts nothing twice.
/// </summary>
public sealed class AutomationEventSink(
    AutomationDbContext db,
    IEnumerable<ITriggerEnricher> enrichers,
    ActiveRuleCache activeRules,
    RunStarter starter,
    RunSignal signal,
    TimeProvider clock)
{
    public async Task HandleAsync(string trigger, object eventData, CancellationToken cancellationToken)
    {
        var incoming = EventCausation.Incoming;
        var now = clock.GetUtcNow();
        var values = AutomationCatalog.ReadEventFields(eventData);
        var enricher = enrichers.FirstOrDefault(e => e.EventName == trigger);
        var data = enricher is null ? new TriggerData(values, null, null, Message.Verbatim(trigger))
            : await enricher.EnrichAsync(eventData, values,
            cancellationToken);
        var eventId = incoming?.Id ?? Guid.CreateVersion7(now);
        var depth = incoming?.CausationDepth ?? 0;
        db.Events.Add(new EventRecord(eventId, trigger, incoming?.OccurredAt ?? now, data.SubjectKind, data.SubjectId, data.Summary, values,
            depth));

        var undoing = data.EndsSubject is { } ended && data.SubjectId is { } subject
            && await StopRunsAboutAsync(subject, ended, now, cancellationToken);
        var work = await ResumeWaitingAsync(trigger, data, values, now, cancellationToken) | undoing;
        var rules = await activeRules.ForAsync(db, trigger, cancellationToken);
        foreach (var rule in rules)
        {
            var runData = new Dictionary<string, object?>(values, StringComparer.Ordinal) { ["subject.id"] = data.SubjectId?.ToString() };
            var (_, needsWorker) = await starter.StartAsync(rule, trigger, eventId, data.SubjectKind, data.SubjectId, data.Summary, runData,
                depth + 1, keepSkipped: false, cancellationToken);
            work |= needsWorker;
        }
        if (!work) return;
        signal.Notify();
        db.WakeAfterCommit(signal.Notify);
    }

    /// <summary>
    /// The subject's story has ended (an order cancelled): its runs still going on stop, each with a step in its log saying
    /// why. A run a worker is moving right now changes under it, so this save fails on the run's concurrency token and the
    /// event is delivered again a moment later, when the worker has let go. Runs this very event starts come after. A run
    /// with completed steps that declared a compensation is undone by the worker before it stops, and so is one a stop step
    /// had handed to a person: true when one is.
    /// </summary>
    private async Task<bool> StopRunsAboutAsync(Guid subject, Message reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await db.Runs.Where(r => r.SubjectId == subject && (r.State == Rules.RunState.Pending
            || r.State == Rules.RunState.Running || r.State == Rules.RunState.Waiting || r.State == Rules.RunState.DeadLettered
            || r.State == Rules.RunState.Compensating
            || (r.State == Rules.RunState.Stopped && r.Undo != null && !r.Compensated)))
            .ToListAsync(cancellationToken);
        // Events of one batch are saved together: a run an earlier event of the batch started is only tracked so far, and
        // a tracked run may already have moved on; what counts is each run as it is now.
        var going = stored.Concat(db.Runs.Local.Where(r => r.SubjectId == subject)).Distinct()
            .Where(r => r.State is Rules.RunState.Pending or Rules.RunState.Running or Rules.RunState.Waiting
                or Rules.RunState.DeadLettered or Rules.RunState.Compensating || r.HandedOver)
            .ToList();
        foreach (var run in going)
        {
            db.RunSteps.Add(run.Log(run.CurrentStepId ?? "stop", "stopped", null, Rules.StepState.Succeeded, null, null, reason, null,
                now, now, null));
            run.EndWithSubject(reason, now);
        }
        return going.Any(r => r.IsCompensating);
    }

    /// <summary>Waiting runs read at a time when an event arrives.</summary>
    public const int ResumePageSize = 100;

    private async Task<bool> ResumeWaitingAsync(string trigger, TriggerData data, Dictionary<string, object?> values, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (data.Correlations.Count == 0) return false;
        var correlations = data.Correlations.ToList();
        var resumed = 0;
        Guid? after = null;
        // Every waiting run, a page at a time: a popular order or customer may have many rules waiting on it.
        while (true)
        {
            var query = db.Runs.Where(r => r.WaitTrigger == trigger && r.WaitCorrelation != null
                && correlations.Contains(r.WaitCorrelation.Value));
            if (after is { } last) query = query.Where(r => r.Id.CompareTo(last) > 0);
            var page = await query.OrderBy(r => r.Id).Take(ResumePageSize).ToListAsync(cancellationToken);
            if (page.Count == 0) break;
            after = page[^1].Id;
            // Events of one batch are saved together, so a run an earlier event of the batch resumed still matches in the
            // database: the tracked copy, already resumed, says otherwise.
            foreach (var run in page.Where(r => r.IsWaitingForEvent && r.WaitTrigger == trigger
                && correlations.Contains(r.WaitCorrelation!.Value)))
            {
                db.RunSteps.Add(run.Log(run.CurrentStepId ?? "wait", "resumed", null, Rules.StepState.Succeeded, null, null,
                    data.Summary, null, now, now, null));
                run.Resume(values, timedOut: false, now);
                resumed++;
            }
            if (page.Count < ResumePageSize) break;
        }
        return resumed > 0;
    }
}
