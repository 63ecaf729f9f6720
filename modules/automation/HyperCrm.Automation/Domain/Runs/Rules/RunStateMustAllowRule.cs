using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Automation.Domain.Runs;

/// <summary>A run moves only from the states a move is meant for (a finished run does not run again, a waiting one only resumes).</summary>
public sealed class RunStateMustAllowRule(string move, RunState actual, IReadOnlyCollection<RunState> allowed) : IBusinessRule
{
    public string Code => "Automation:RunStateForbids";
    public string Message => $"A run that is {actual} cannot {move} (only when {string.Join(" or ", allowed)}).";
    public object?[] Arguments => [move, actual, string.Join(", ", allowed)];
    public bool IsBroken() => !allowed.Contains(actual);
}
