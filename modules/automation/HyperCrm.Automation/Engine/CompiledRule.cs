using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Domain.Expressions;

namespace HyperCrm.Automation.Engine;

/// <summary>A rule version ready to run: the start condition and the program, with the fields it may read and their types.</summary>
public sealed record CompiledRule(string Trigger, CompiledExpression? Condition, IReadOnlyList<Instruction> Program,
    IReadOnlyDictionary<string, FieldType> Fields)
{
    public int IndexOf(string stepId) => Program.ToList().FindIndex(i => i.Step.Id == stepId && i.Kind != InstructionKind.Jump);

    /// <summary>What undoes the step <paramref name="stepId"/>, if it declared anything.</summary>
    public CompiledCompensation? CompensationOf(string stepId) =>
        Program.FirstOrDefault(i => i.Kind == InstructionKind.Action && i.Step.Id == stepId)?.Compensation;
}
