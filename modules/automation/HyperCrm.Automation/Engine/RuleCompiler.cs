using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Domain.Expressions;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// Checks a rule definition against the catalog (trigger, actions, parameters, expressions with their positions) and
/// compiles it. Runs when an admin saves (live validation) and publishes, and once per version in the engine.
/// </summary>
public sealed class RuleCompiler(AutomationCatalog catalog)
{
    public const int MaxSteps = 100;
    public const string ApprovalAction = "activities.request_approval";
    public const string ApprovalTrigger = "activities.approval.decided";

    public (CompiledRule? Rule, IReadOnlyList<DefinitionProblemDto> Problems) Compile(RuleDefinitionDto definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<DefinitionProblemDto>();
        var trigger = catalog.FindTrigger(definition.Trigger ?? string.Empty);
        if (trigger is null)
        {
            problems.Add(new("trigger", $"Unknown trigger '{definition.Trigger}'.", null));
            return (null, problems);
        }
        if (trigger.Kind == TriggerKind.Schedule && !IsCron(definition.Schedule))
            problems.Add(new("schedule",
                $"'{definition.Schedule}' is not a cron expression (seconds minutes hours day-of-month month day-of-week, e.g. 0 0 9 ? * " +
                    $"MON-FRI).", null));
        var fields = FieldsFor(definition, trigger);
        CompiledExpression? condition = null;
        if (!string.IsNullOrWhiteSpace(definition.Condition)) condition = Expression(definition.Condition, fields, "condition", problems);
        var program = new List<Instruction>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        Emit(definition.Steps, fields, program, problems, ids, ref count, "steps");
        if (count > MaxSteps) problems.Add(new("steps", $"A rule has at most {MaxSteps} steps.", null));
        return problems.Count > 0 ? (null, problems) : (new CompiledRule(trigger.Key, condition, program, fields), problems);
    }

    /// <summary>Compiles or throws a 422 naming every problem (for publishing and the engine).</summary>
    public CompiledRule CompileOrThrow(RuleDefinitionDto definition)
    {
        var (rule, problems) = Compile(definition);
        return rule ?? throw new BusinessException("Automation:InvalidRule", string.Join(" ",
            problems.Select(p => $"{p.Where}: {p.Message}")),
            new Dictionary<string, object?> { ["problems"] = problems });
    }

    /// <summary>The trigger's fields, the fields of events the rule waits for, and the outputs of its actions.</summary>
    public Dictionary<string, FieldType> FieldsFor(RuleDefinitionDto definition, TriggerDescriptor trigger)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(trigger);
        var fields = new Dictionary<string, FieldType>(StringComparer.Ordinal);
        foreach (var field in trigger.Fields.Concat(AutomationCatalog.CommonFields)) fields[field.Name] = field.Type;
        foreach (var step in Flatten(definition.Steps))
        {
            var action = step.Kind == StepKind.Approval ? ApprovalAction : step.Kind == StepKind.Action ? step.Action : null;
            var descriptor = action is null ? null : catalog.FindAction(action);
            var waited = step.Kind switch { StepKind.WaitForEvent => step.Event, StepKind.Approval => ApprovalTrigger, _ => null }
                ?? descriptor?.WaitsFor;
            if (waited is not null && catalog.FindTrigger(waited) is { } other)
                foreach (var field in other.Fields) fields.TryAdd(field.Name, field.Type);
            if (descriptor is not null)
                foreach (var output in descriptor.Outputs) fields.TryAdd($"steps.{step.Id}.{output.Name}", output.Type);
        }
        return fields;
    }

    public static IEnumerable<StepDto> Flatten(IEnumerable<StepDto> steps) =>
        steps.SelectMany(s => new[] { s }.Concat(Flatten(s.Then)).Concat(Flatten(s.Else)));

    private void Emit(IReadOnlyList<StepDto> steps, Dictionary<string, FieldType> fields, List<Instruction> program,
        List<DefinitionProblemDto> problems,
        HashSet<string> ids, ref int count, string where)
    {
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            count++;
            var at = $"{where}[{index + 1}]" + (step.Label is { Length: > 0 } label ? $" \"{label}\"" : string.Empty);
            if (string.IsNullOrWhiteSpace(step.Id) || step.Id.Length > 40 || !step.Id.All(c => char.IsAsciiLetterOrDigit(c)
                || c is '-' or '_'))
                problems.Add(new(at, "Every step needs an id of letters, digits, '-' or '_' (at most 40).", null));
            else if (!ids.Add(step.Id))
                problems.Add(new(at, $"The step id '{step.Id}' is used twice.", null));
            if (step.Compensation is not null && step.Kind != StepKind.Action)
                problems.Add(new($"{at}.compensation", "Only an action step can declare what undoes it.", null));
            switch (step.Kind)
            {
                case StepKind.Action or StepKind.Approval:
                    EmitAction(step, step.Kind == StepKind.Approval ? ApprovalAction : step.Action, fields, program, problems, at);
                    break;
                case StepKind.Branch:
                    var condition = string.IsNullOrWhiteSpace(step.Condition)
                        ? Problem<CompiledExpression>(problems, at, "A branch needs a condition.")
                        : Expression(step.Condition, fields, at, problems);
                    var jumpIfFalse = new Instruction(InstructionKind.JumpIfFalse, step, step.Label) { Condition = condition };
                    program.Add(jumpIfFalse);
                    Emit(step.Then, fields, program, problems, ids, ref count, at + ".then");
                    if (step.Else.Count > 0)
                    {
                        var jump = new Instruction(InstructionKind.Jump, step, step.Label);
                        program.Add(jump);
                        jumpIfFalse.Target = program.Count;
                        Emit(step.Else, fields, program, problems, ids, ref count, at + ".else");
                        jump.Target = program.Count;
                    }
                    else
                    {
                        jumpIfFalse.Target = program.Count;
                    }
                    break;
                case StepKind.Wait:
                    if (step.Minutes is not (> 0 and <= 60 * 24 * 90)) problems.Add(new(at, "A wait lasts 1 minute to 90 days.", null));
                    program.Add(new Instruction(InstructionKind.Wait, step, step.Label));
                    break;
                case StepKind.WaitForEvent:
                    if (step.Event is null || catalog.FindTrigger(step.Event) is not { Kind: TriggerKind.Event })
                        problems.Add(new(at, $"Unknown event '{step.Event}' to wait for.", null));
                    if (step.Minutes is not (> 0 and <= 60 * 24 * 90)) problems.Add(new(at,
                        "A wait needs a timeout of 1 minute to 90 days.", null));
                    program.Add(new Instruction(InstructionKind.WaitForEvent, step, step.Label));
                    break;
                case StepKind.Stop:
                    program.Add(new Instruction(InstructionKind.Stop, step, step.Label));
                    break;
                default:
                    problems.Add(new(at, $"Unknown step kind '{step.Kind}'.", null));
                    break;
            }
        }
    }

    private void EmitAction(StepDto step, string? actionName, Dictionary<string, FieldType> fields, List<Instruction> program,
        List<DefinitionProblemDto> problems, string at)
    {
        var action = actionName is null ? null : catalog.FindAction(actionName);
        if (action is null)
        {
            problems.Add(new(at, $"Unknown action '{actionName}'.", null));
            return;
        }
        var parameters = Parameters(action, step.Parameters, fields, problems, at);
        foreach (var list in action.Parameters.Where(p => p.ActionList))
            CheckActionList(step.Parameters.GetValueOrDefault(list.Name), problems, $"{at}.{list.Name}");
        if (step.Kind == StepKind.Approval && step.Minutes is not (> 0 and <= 60 * 24 * 90))
            problems.Add(new(at, "An approval needs a timeout of 1 minute to 90 days.", null));
        program.Add(new Instruction(InstructionKind.Action, step, step.Label) { Action = action, Parameters = parameters,
            Compensation = Compensation(step, fields, problems, at) });
    }

    /// <summary>
    /// A list of tools names catalog actions, each of which runs and returns at once: not an approval or an action that
    /// waits for an event (the agent asks for approvals itself), not another agent.
    /// </summary>
    private void CheckActionList(string? text, List<DefinitionProblemDto> problems, string at)
    {
        foreach (var name in ActionParameter.ActionNames(text))
        {
            var tool = catalog.FindAction(name);
            if (tool is null) problems.Add(new(at, $"Unknown action '{name}'.", null));
            else if (name == ApprovalAction || tool.WaitsFor is not null || tool.Parameters.Any(p => p.ActionList))
                problems.Add(new(at, $"'{name}' cannot be a tool: it waits for an event or directs tools itself.", null));
        }
    }

    /// <summary>The step's declared undo: an action step's only, with an action the catalog offers and its parameters.</summary>
    private CompiledCompensation? Compensation(StepDto step, Dictionary<string, FieldType> fields, List<DefinitionProblemDto> problems,
        string at)
    {
        if (step.Compensation is not { } undo || step.Kind != StepKind.Action) return null;
        if (catalog.FindAction(undo.Action ?? string.Empty) is not { } action)
        {
            problems.Add(new($"{at}.compensation", $"Unknown action '{undo.Action}' to undo the step with.", null));
            return null;
        }
        return new CompiledCompensation(action, Parameters(action, undo.Parameters, fields, problems, $"{at}.compensation"));
    }

    private static Dictionary<string, Template> Parameters(ActionDescriptor action, IReadOnlyDictionary<string, string> given,
        Dictionary<string, FieldType> fields, List<DefinitionProblemDto> problems, string at)
    {
        var parameters = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var parameter in action.Parameters)
        {
            var text = given.GetValueOrDefault(parameter.Name);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (parameter.Required) problems.Add(new($"{at}.{parameter.Name}",
                    $"'{parameter.Name}' is required: {parameter.Description}.", null));
                continue;
            }
            try
            {
                parameters[parameter.Name] = Template.Compile(text, fields, parameter.JsonEscaped);
            }
            catch (ExpressionException ex)
            {
                problems.Add(new($"{at}.{parameter.Name}", ex.Reason, ex.Position));
            }
        }
        foreach (var unknown in given.Keys.Where(k => action.Parameters.All(p => p.Name != k)))
            problems.Add(new($"{at}.{unknown}", $"'{action.Name}' has no parameter '{unknown}'.", null));
        return parameters;
    }

    private static CompiledExpression? Expression(string text, IReadOnlyDictionary<string, FieldType> fields, string where,
        List<DefinitionProblemDto> problems)
    {
        try
        {
            return ExpressionCompiler.Compile(text, fields);
        }
        catch (ExpressionException ex)
        {
            problems.Add(new(where, ex.Reason, ex.Position));
            return null;
        }
    }

    private static bool IsCron(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200) return false;
        try
        {
            _ = new Quartz.CronExpression(text.Trim());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static T? Problem<T>(List<DefinitionProblemDto> problems, string where, string message)
        where T : class
    {
        problems.Add(new(where, message, null));
        return null;
    }
}
