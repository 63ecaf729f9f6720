using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Domain.Expressions;
using HyperCrm.Automation.Rules;

namespace HyperCrm.Automation.Engine;

/// <summary>One instruction of a rule's program: the steps, flattened, with branches as jumps.</summary>
public sealed record Instruction(InstructionKind Kind, StepDto Step, string? Label)
{
    public CompiledExpression? Condition { get; init; }
    public IReadOnlyDictionary<string, Template> Parameters { get; init; } = new Dictionary<string, Template>();
    public ActionDescriptor? Action { get; init; }
    public int Target { get; set; }

    /// <summary>The action step's compensation, compiled (null: nothing to undo).</summary>
    public CompiledCompensation? Compensation { get; init; }
}
