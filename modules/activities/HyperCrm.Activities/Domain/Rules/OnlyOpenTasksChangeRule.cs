using HyperCrm.Framework.Domain;

namespace HyperCrm.Activities.Domain;

public sealed class OnlyOpenTasksChangeRule(WorkTaskStatus status) : IBusinessRule
{
    public string Code => "Activities:TaskClosed";
    public string Message => $"The task is already {status.ToString().ToLowerInvariant()}.";
    public object?[] Arguments => [status];
    public bool IsBroken() => status != WorkTaskStatus.Open;
}
