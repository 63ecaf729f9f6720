using System.Collections.Concurrent;
using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Domain.Runs;
using HyperCrm.Framework.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HyperCrm.Automation.Engine;

public sealed class AutomationOptions
{
    /// <summary>How many automated reactions may chain (rule → event → rule …) before the engine stops the run as a loop.</summary>
    public int MaxDepth { get; set; } = 5;

    /// <summary>Attempts of a failing step before its run is dead-lettered (backoff 2, 4, 8 … s with jitter between them).</summary>
    public int MaxAttempts { get; set; } = Domain.Runs.Run.DefaultMaxAttempts;

    /// <summary>The worker's safety-net poll; new work also wakes it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs the worker looks at per round.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>How many runs one instance moves at the same time.</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// How long a worker holds the runs it took (no database lock is held meanwhile). Longer than any step may take
    /// (a connector gives up after 60 s); a run whose worker died is taken up again once it passes.
    /// </summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromMinutes(2);

    public bool WorkerEnabled { get; set; } = true;

    /// <summary>
    /// Whether a run whose condition did not hold is kept (as "skipped", with the values that decided it). Off by
    /// default: on busy triggers most events match no rule, and the event log plus a dry-run answer "why not".
    /// </summary>
    public bool RecordSkippedRuns { get; set; }

    /// <summary>How long recorded events stay available to dry-runs.</summary>
    public TimeSpan EventLogRetention { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Wakes the run worker when an event handler left work for it.</summary>
public sealed class RunSignal : HyperCrm.Framework.Threading.WakeSignal;

/// <summary>An enabled rule's active version, as the engine starts runs from it.</summary>
public sealed record ActiveRule(Guid Id, string Name, Guid VersionId, int Version);

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
                .Select(r => new { Trigger = r.ActiveTrigger!, Rule = new ActiveRule(r.Id, r.Name, r.ActiveVersionId!.Value, r.ActiveVersionNumber!.Value) })
                .ToListAsync(cancellationToken);
            snapshot = new Snapshot(clock.GetUtcNow(), rules.ToLookup(r => r.Trigger, r => r.Rule, StringComparer.Ordinal));
            _snapshot = snapshot;
        }
        return snapshot.ByTrigger[trigger].ToList();
    }

    public void Invalidate() => _snapshot = null;

    private sealed record Snapshot(DateTimeOffset LoadedAt, ILookup<string, ActiveRule> ByTrigger);
}

/// <summary>Compiled programs of published versions (immutable, so compiled once per version and kept).</summary>
public sealed class RuleProgramCache(RuleCompiler compiler)
{
    private readonly ConcurrentDictionary<Guid, CompiledRule> _programs = new();

    public async Task<CompiledRule> GetAsync(AutomationDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_programs.TryGetValue(versionId, out var program)) return program;
        var version = await db.RuleVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, cancellationToken);
        return _programs.GetOrAdd(versionId, _ => compiler.CompileOrThrow(version.Definition));
    }
}

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
        var data = enricher is null ? new TriggerData(values, null, null, trigger) : await enricher.EnrichAsync(eventData, values, cancellationToken);
        var eventId = incoming?.Id ?? Guid.CreateVersion7(now);
        var depth = incoming?.CausationDepth ?? 0;
        db.Events.Add(new EventRecord(eventId, trigger, incoming?.OccurredAt ?? now, data.SubjectKind, data.SubjectId, data.Summary, values, depth));

        var work = await ResumeWaitingAsync(trigger, data, values, now, cancellationToken);
        var rules = await activeRules.ForAsync(db, trigger, cancellationToken);
        foreach (var rule in rules)
        {
            var runData = new Dictionary<string, object?>(values, StringComparer.Ordinal) { ["subject.id"] = data.SubjectId?.ToString() };
            var (_, needsWorker) = await starter.StartAsync(rule, trigger, eventId, data.SubjectKind, data.SubjectId, data.Summary, runData, depth + 1, keepSkipped: false, cancellationToken);
            work |= needsWorker;
        }
        if (work) signal.Notify();
    }

    /// <summary>Waiting runs read at a time when an event arrives.</summary>
    public const int ResumePageSize = 100;

    private async Task<bool> ResumeWaitingAsync(string trigger, TriggerData data, Dictionary<string, object?> values, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (data.Correlations.Count == 0) return false;
        var correlations = data.Correlations.ToList();
        var resumed = 0;
        Guid? after = null;
        // Every waiting run, a page at a time: a popular order or customer may have many rules waiting on it.
        while (true)
        {
            var query = db.Runs.Where(r => r.WaitTrigger == trigger && r.WaitCorrelation != null && correlations.Contains(r.WaitCorrelation.Value));
            if (after is { } last) query = query.Where(r => r.Id.CompareTo(last) > 0);
            var page = await query.OrderBy(r => r.Id).Take(ResumePageSize).ToListAsync(cancellationToken);
            if (page.Count == 0) break;
            after = page[^1].Id;
            // Events of one batch are saved together, so a run an earlier event of the batch resumed still matches in the
            // database: the tracked copy, already resumed, says otherwise.
            foreach (var run in page.Where(r => r.IsWaitingForEvent && r.WaitTrigger == trigger && correlations.Contains(r.WaitCorrelation!.Value)))
            {
                db.RunSteps.Add(run.Log(run.CurrentStepId ?? "wait", "resumed", null, Rules.StepState.Succeeded, null, null, $"'{trigger}' arrived: {data.Summary}", null, now, now, null));
                run.Resume(values, timedOut: false, now);
                resumed++;
            }
            if (page.Count < ResumePageSize) break;
        }
        return resumed > 0;
    }
}

public static class AutomationEngineServiceCollectionExtensions
{
    /// <summary>The handler registration of one trigger event: delivered to the sink, guarded by the automation inbox.</summary>
    public static DistributedEventHandlerRegistration TriggerRegistration(EventTriggerType trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        // Batched: the sink re-checks in memory what it reads back (a waiting run an earlier event of the batch resumed).
        return new DistributedEventHandlerRegistration(trigger.Key, trigger.EventType, typeof(AutomationEventSink), typeof(AutomationDbContext),
            (provider, eventData, ct) => provider.GetRequiredService<AutomationEventSink>().HandleAsync(trigger.Key, eventData, ct)) { Batched = true };
    }
}
