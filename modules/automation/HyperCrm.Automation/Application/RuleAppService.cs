using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Domain.Rules;
using HyperCrm.Automation.Engine;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Security;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Application;

public sealed class RuleAppService(
    AutomationDbContext db,
    AutomationCatalog catalog,
    RuleCompiler compiler,
    DryRunner dryRunner,
    RunSignal signal,
    RunStarter starter,
    ActiveRuleCache activeRules,
    RuleScheduler scheduler,
    ICurrentUser currentUser,
    MessageFormatter messages,
    CatalogWords words,
    TimeProvider clock) : IRuleAppService
{
    public IReadOnlyList<TriggerDescriptor> GetTriggers() => catalog.Triggers.Select(words.Trigger).ToList();

    public IReadOnlyList<ActionDescriptor> GetActions() => catalog.Actions.Select(words.Action).ToList();

    public IReadOnlyList<CatalogField> GetFields(RuleDefinitionDto definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (catalog.FindTrigger(definition.Trigger) is not { } trigger) return [];
        var described = trigger.Fields.Concat(AutomationCatalog.CommonFields).ToDictionary(f => f.Name, StringComparer.Ordinal);
        return compiler.FieldsFor(definition, trigger)
            .Select(f => described.TryGetValue(f.Key, out var field) ? words.Field(trigger.Module, field) : words.Undescribed(f.Key,
                f.Value))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<RuleListItemDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().AddDays(-7);
        var stats = await db.Runs.AsNoTracking().Where(r => r.StartedAt >= since)
            .GroupBy(r => r.RuleId)
            .Select(g => new { RuleId = g.Key, Count = g.Count(), Failed = g.Count(r => r.State == RunState.DeadLettered),
                Last = g.Max(r => r.StartedAt) })
            .ToDictionaryAsync(s => s.RuleId, cancellationToken);
        var rules = await db.Rules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return rules.Select(r =>
        {
            var s = stats.GetValueOrDefault(r.Id);
            return new RuleListItemDto(r.Id, r.Name, r.ActiveTrigger ?? r.Draft.Trigger, r.IsEnabled, r.ActiveVersionNumber,
                r.LatestVersionNumber,
                r.HasUnpublishedChanges, s?.Last, s?.Count ?? 0, s?.Failed ?? 0);
        }).ToList();
    }

    public async Task<RuleDto> GetAsync(Guid id, CancellationToken cancellationToken = default) => ToDto(await FindAsync(id,
        tracking: false, cancellationToken));

    public IReadOnlyList<DefinitionProblemDto> Validate(RuleDefinitionDto definition) => compiler.Compile(definition).Problems;

    public async Task<RuleDto> CreateAsync(string name, string? description, RuleDefinitionDto draft,
        CancellationToken cancellationToken = default)
    {
        await EnsureNameFreeAsync(null, name, cancellationToken);
        var rule = new Rule(Guid.CreateVersion7(), name, description, draft);
        db.Rules.Add(rule);
        Audit(rule.Id, "created", Message.Of("Automation:Audit:Trigger", ("trigger", draft.Trigger)));
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(rule);
    }

    public async Task<RuleDto> SaveDraftAsync(Guid id, string name, string? description, RuleDefinitionDto draft, string? concurrencyStamp,
        CancellationToken cancellationToken = default)
    {
        var rule = await FindAsync(id, tracking: true, cancellationToken);
        if (concurrencyStamp is { Length: > 0 }) db.Entry(rule).Property(r => r.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        await EnsureNameFreeAsync(id, name, cancellationToken);
        rule.Rename(name, description);
        rule.SaveDraft(draft);
        Audit(id, "draft_saved", null);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(rule);
    }

    public async Task<RuleVersionDto> PublishAsync(Guid id, string? note, bool acceptLoopRisk,
        CancellationToken cancellationToken = default)
    {
        var rule = await FindAsync(id, tracking: true, cancellationToken);
        compiler.CompileOrThrow(rule.Draft);
        var loops = await FindLoopsAsync(id, rule.Draft, cancellationToken);
        if (loops.Count > 0 && !acceptLoopRisk)
            throw new BusinessException("Automation:PossibleLoop",
                $"This rule may retrigger itself: {string.Join("; ", loops)}. Add a condition that breaks the circle, or publish " +
                    $"accepting the risk (runs stop at the depth limit).", new Dictionary<string, object?> { ["loops"] = loops });
        var version = rule.Publish(currentUser.UserName ?? "system", clock.GetUtcNow(), note);
        db.RuleVersions.Add(version);
        Audit(id, "published", Message.Of(loops.Count > 0 ? "Automation:Audit:VersionLoopRisk" : "Automation:Audit:Version",
            ("version", version.Number), ("loops", string.Join("; ", loops)), ("note", note)));
        await db.SaveChangesAsync(cancellationToken);
        await AppliedAsync(id, cancellationToken);
        return ToDto(version, rule);
    }

    public async Task<IReadOnlyList<string>> FindLoopsAsync(Guid id, RuleDefinitionDto definition,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var others = await db.Rules.AsNoTracking().Where(r => r.IsEnabled && r.ActiveVersionId != null && r.Id != id)
            .Join(db.RuleVersions.AsNoTracking(), r => r.ActiveVersionId, v => v.Id, (r, v) => new { r.Id, r.Name, v.Definition })
            .ToListAsync(cancellationToken);
        var name = await db.Rules.Where(r => r.Id == id).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? "this rule";
        var nodes = others.Select(o => (o.Id, o.Name, o.Definition)).Append((Id: id, Name: name, Definition: definition)).ToList();
        var loops = new List<string>();
        // Depth-first from this rule: rule → events its actions emit → rules those events trigger → … back to this rule.
        void Walk(Guid current, List<string> path, HashSet<Guid> seen)
        {
            var node = nodes.First(n => n.Id == current);
            foreach (var emitted in Emits(node.Definition))
            {
                foreach (var next in nodes.Where(n => n.Definition.Trigger == emitted))
                {
                    var step = $"{node.Name} —[{emitted}]→";
                    if (next.Id == id) loops.Add(string.Join(" ", path.Append(step)) + " " + next.Name);
                    else if (seen.Add(next.Id)) Walk(next.Id, [.. path, step], seen);
                }
            }
        }
        Walk(id, [], [id]);
        return loops.Distinct().Take(5).ToList();
    }

    private IEnumerable<string> Emits(RuleDefinitionDto definition) =>
        RuleCompiler.Flatten(definition.Steps).SelectMany(ActionsOf).SelectMany(a => catalog.FindAction(a)?.Emits ?? []).Distinct();

    /// <summary>The step's action and, for a step that directs tools (an agent), every tool it may call: each may cause events.</summary>
    private IEnumerable<string> ActionsOf(StepDto step)
    {
        var name = step.Kind == StepKind.Approval ? RuleCompiler.ApprovalAction : step.Kind == StepKind.Action ? step.Action : null;
        if (name is null || catalog.FindAction(name) is not { } action) yield break;
        yield return name;
        foreach (var list in action.Parameters.Where(p => p.ActionList))
            foreach (var tool in ActionParameter.ActionNames(step.Parameters.GetValueOrDefault(list.Name)))
                yield return tool;
    }

    public async Task<IReadOnlyList<RuleVersionDto>> GetVersionsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var rule = await FindAsync(id, tracking: false, cancellationToken);
        var versions = await db.RuleVersions.AsNoTracking().Where(v => v.RuleId == id).OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);
        return versions.Select(v => ToDto(v, rule)).ToList();
    }

    public async Task RollbackAsync(Guid id, int version, CancellationToken cancellationToken = default)
    {
        var rule = await FindAsync(id, tracking: true, cancellationToken);
        var target = await db.RuleVersions.FirstOrDefaultAsync(v => v.RuleId == id && v.Number == version, cancellationToken)
                     ?? throw new EntityNotFoundException(typeof(RuleVersion), version);
        var from = rule.ActiveVersionNumber;
        rule.Activate(target);
        Audit(id, "rolled_back", Message.Of("Automation:Audit:RolledBack", ("from", from), ("to", version)));
        await db.SaveChangesAsync(cancellationToken);
        await AppliedAsync(id, cancellationToken);
    }

    public async Task SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken = default)
    {
        var rule = await FindAsync(id, tracking: true, cancellationToken);
        if (enabled) rule.Enable();
        else rule.Disable();
        Audit(id, enabled ? "enabled" : "disabled", null);
        await db.SaveChangesAsync(cancellationToken);
        await AppliedAsync(id, cancellationToken);
    }

    public async Task<Guid> StartManuallyAsync(Guid id, Guid? subjectId, CancellationToken cancellationToken = default)
    {
        var rule = await FindAsync(id, tracking: false, cancellationToken);
        if (rule.ActiveVersionId is not { } versionId || !rule.IsEnabled) throw new BusinessException("Automation:NotPublished",
            "Publish and enable the rule first.");
        if (rule.ActiveTrigger != AutomationCatalog.ManualTrigger)
            throw new BusinessException("Automation:NotManual",
                "Only a rule with the manual trigger can be started by hand; dry-run the others over recorded events.");
        var (run, needsWorker) = await starter.StartAsync(new ActiveRule(id, rule.Name, versionId, rule.ActiveVersionNumber!.Value),
            AutomationCatalog.ManualTrigger, null,
            subjectId is null ? null : "subject", subjectId, Message.Of("Automation:Run:StartedBy", ("user", currentUser.UserName ?? "?")),
            new Dictionary<string, object?> { ["subject.id"] = subjectId?.ToString() }, depth: 1, keepSkipped: true, cancellationToken);
        Audit(id, "started_by_hand", Message.VerbatimOrNull(subjectId?.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        if (needsWorker) signal.Notify();
        return run!.Id;
    }

    public async Task<DryRunReportDto> DryRunAsync(Guid id, int? version, DateTimeOffset from, DateTimeOffset to, Guid? subjectId,
        CancellationToken cancellationToken = default)
    {
        var rule = await FindAsync(id, tracking: false, cancellationToken);
        var definition = rule.Draft;
        var number = 0;
        if (version is { } wanted)
        {
            definition = (await db.RuleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.RuleId == id && v.Number == wanted,
                cancellationToken)
                          ?? throw new EntityNotFoundException(typeof(RuleVersion), wanted)).Definition;
            number = wanted;
        }
        return await dryRunner.RunAsync(rule.Id, definition, number, from, to, subjectId, cancellationToken);
    }

    /// <summary>The rule's audit trail in the reader's language (entries written before action keys had spaces in them).</summary>
    public async Task<IReadOnlyList<AuditEntryDto>> GetAuditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var entries = await db.Audit.AsNoTracking().Where(a => a.RuleId == id).OrderByDescending(a => a.At).Take(200)
            .ToListAsync(cancellationToken);
        return entries.Select(a => new AuditEntryDto(messages.Format(Message.Of("Automation:Audit:" + a.Action.Replace(' ', '_'))),
            a.UserName, a.Details is null ? null : messages.Format(a.Details), a.At)).ToList();
    }

    /// <summary>After the active version or the enabled flag changed: the engine's rule list and the rule's schedule follow.</summary>
    private async Task AppliedAsync(Guid id, CancellationToken cancellationToken)
    {
        activeRules.Invalidate();
        await scheduler.SyncAsync(id, cancellationToken);
    }

    private void Audit(Guid ruleId, string action, Message? details) =>
        db.Audit.Add(new AuditEntry(Guid.CreateVersion7(), ruleId, null, action, currentUser.UserName ?? "system", details,
            clock.GetUtcNow()));

    private async Task EnsureNameFreeAsync(Guid? self, string name, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (await db.Rules.AnyAsync(r => r.Name == trimmed && r.Id != self, cancellationToken))
            throw new BusinessException("Automation:DuplicateName", $"Another rule is named '{trimmed}'.");
    }

    private async Task<Rule> FindAsync(Guid id, bool tracking, CancellationToken cancellationToken) =>
        await (tracking ? db.Rules : db.Rules.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
        ?? throw new EntityNotFoundException(typeof(Rule), id);

    private static RuleDto ToDto(Rule r) => new(r.Id, r.Name, r.Description, r.IsEnabled, r.Draft, r.ActiveVersionNumber,
        r.LatestVersionNumber, r.ConcurrencyStamp);

    private static RuleVersionDto ToDto(RuleVersion v, Rule r) => new(v.Id, v.Number, v.PublishedBy, v.PublishedAt, v.Note,
        r.ActiveVersionId == v.Id, v.Definition);
}
