using System.Text.Json;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Domain.Expressions;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// Runs a rule definition over recorded events with every side effect simulated (actions are described, never
/// called) and puts, event by event, what it would do beside what the live runs did. Writes nothing.
/// </summary>
public sealed class DryRunner(AutomationDbContext db, RuleCompiler compiler, AutomationCatalog catalog, MessageFormatter words)
{
    public const int MaxEvents = 500;

    public async Task<DryRunReportDto> RunAsync(Guid ruleId, RuleDefinitionDto definition, int version, DateTimeOffset from,
        DateTimeOffset to, Guid? subjectId, CancellationToken cancellationToken)
    {
        var rule = compiler.CompileOrThrow(definition);
        var query = db.Events.AsNoTracking().Where(e => e.Trigger == rule.Trigger && e.OccurredAt >= from && e.OccurredAt < to);
        if (subjectId is { } subject) query = query.Where(e => e.SubjectId == subject);
        var events = await query.OrderBy(e => e.OccurredAt).Take(MaxEvents).ToListAsync(cancellationToken);
        var eventIds = events.Select(e => e.Id).ToList();
        var live = await db.Runs.AsNoTracking().Where(r => r.RuleId == ruleId && r.EventId != null && eventIds.Contains(r.EventId.Value))
            .Select(r => new { r.Id, EventId = r.EventId!.Value, r.State, r.VersionNumber }).ToListAsync(cancellationToken);
        var liveIds = live.Select(r => r.Id).ToList();
        var liveSteps = (await db.RunSteps.AsNoTracking().Where(s => liveIds.Contains(s.RunId)).OrderBy(s => s.Seq)
                .Select(s => new { s.RunId, s.Kind, s.Action, s.State, s.Output, s.Reason }).ToListAsync(cancellationToken))
            .ToLookup(s => s.RunId);
        var items = new List<DryRunItemDto>();
        foreach (var recorded in events)
        {
            var data = new Dictionary<string, object?>(recorded.Values,
                StringComparer.Ordinal) { ["subject.id"] = recorded.SubjectId?.ToString() };
            var (wouldRun, wouldDo) = Simulate(rule, data, recorded.OccurredAt, catalog.FindAction);
            var run = live.FirstOrDefault(r => r.EventId == recorded.Id);
            var did = run is null ? [] : liveSteps[run.Id].Where(s =>
                s.Kind is "action" or "approval" or "branch" or "stop" or "agent_tool").Select(s =>
                $"{s.Action ?? s.Kind}: {words.Format(s.Reason)}").ToList();
            items.Add(new DryRunItemDto(recorded.Id, recorded.OccurredAt, words.Format(recorded.Summary), recorded.SubjectId, wouldRun,
                wouldDo,
                run is null ? null : $"{CatalogState(run.State)} (version {run.VersionNumber})", did));
        }
        return new DryRunReportDto(rule.Trigger, version, events.Count, items.Count(i => i.WouldRun),
            items.Count(i => i.LiveOutcome is not null && !i.LiveOutcome.StartsWith("skipped", StringComparison.Ordinal)), items);
    }

    /// <summary>Walks the program like the interpreter, describing actions instead of calling them.</summary>
    public static (bool WouldRun, List<string> WouldDo) Simulate(CompiledRule rule, Dictionary<string, object?> data, DateTimeOffset at,
        Func<string, Catalog.ActionDescriptor?>? findAction = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var lines = new List<string>();
        if (rule.Condition is { } condition)
        {
            var held = condition.Evaluate(data, at, rule.Fields) is true;
            lines.Add($"condition {(held ? "holds" : "does not hold")}: {condition.Explain(data, rule.Fields)}");
            if (!held) return (false, lines);
        }
        var pc = 0;
        for (var guard = 0; pc < rule.Program.Count && guard < rule.Program.Count + 2; guard++)
        {
            var instruction = rule.Program[pc];
            switch (instruction.Kind)
            {
                case InstructionKind.Jump:
                    pc = instruction.Target;
                    continue;
                case InstructionKind.JumpIfFalse:
                    var held = instruction.Condition!.Evaluate(data, at, rule.Fields) is true;
                    lines.Add($"branch `{instruction.Condition.Text}`: {(held ? "then" : "else")} " +
                        $"({instruction.Condition.Explain(data, rule.Fields)})");
                    pc = held ? pc + 1 : instruction.Target;
                    continue;
                case InstructionKind.Stop:
                    lines.Add("stop");
                    return (true, lines);
                case InstructionKind.Wait:
                    lines.Add($"wait {instruction.Step.Minutes} min");
                    break;
                case InstructionKind.WaitForEvent:
                    lines.Add($"wait for '{instruction.Step.Event}' (up to {instruction.Step.Minutes} min); what follows depends on it");
                    return (true, lines);
                default:
                    lines.Add($"would call {instruction.Action!.Name} {Rendered(instruction.Parameters, data, at, rule.Fields)}" +
                              (instruction.Action.HasSideEffects ? " (simulated)" : string.Empty));
                    lines.AddRange(Tools(instruction, data, at, rule.Fields, findAction));
                    if (instruction.Compensation is { } undo)
                        lines.Add($"  undone, if the run is stopped or fails later, by {undo.Action.Name} " +
                            Rendered(undo.Parameters, data, at, rule.Fields));
                    if (instruction.Step.Kind == StepKind.Approval)
                    {
                        lines.Add("then wait for the approval's decision");
                        return (true, lines);
                    }
                    break;
            }
            pc++;
        }
        return (true, lines);
    }

    /// <summary>What a step that directs tools (an agent) could do with each: read, or change something (simulated here).</summary>
    private static IEnumerable<string> Tools(Instruction instruction, Dictionary<string, object?> data, DateTimeOffset at,
        IReadOnlyDictionary<string, Catalog.FieldType> fields, Func<string, Catalog.ActionDescriptor?>? findAction)
    {
        foreach (var list in instruction.Action!.Parameters.Where(p => p.ActionList))
        {
            if (!instruction.Parameters.TryGetValue(list.Name, out var template)) continue;
            foreach (var name in Catalog.ActionParameter.ActionNames(Safe(() => template.Render(data, at, fields))?.ToString()))
            {
                var tool = findAction?.Invoke(name);
                yield return tool is null || tool.HasSideEffects
                    ? $"  {list.Name}: may call {name}: side effects described, not done (simulated)"
                    : $"  {list.Name}: may read with {name}";
            }
        }
    }

    private static string Rendered(IReadOnlyDictionary<string, Template> templates, Dictionary<string, object?> data, DateTimeOffset at,
        IReadOnlyDictionary<string, Catalog.FieldType> fields) =>
        JsonSerializer.Serialize(templates.ToDictionary(p => p.Key, p => Safe(() => p.Value.Render(data, at, fields))),
            AutomationDbContextModelBuilderExtensions.Json);

    private static object? Safe(Func<object?> render)
    {
        try
        {
            return render();
        }
        catch (Exception ex) when (ex is ExpressionException or InvalidCastException or OverflowException)
        {
            return $"<error: {ex.Message}>";
        }
    }

    private static string CatalogState(RunState state) => HyperCrm.Automation.Catalog.CatalogValues.WireName(state);
}
