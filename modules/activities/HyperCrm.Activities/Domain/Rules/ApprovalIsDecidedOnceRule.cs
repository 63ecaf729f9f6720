using HyperCrm.Framework.Domain;

namespace HyperCrm.Activities.Domain;

public sealed class ApprovalIsDecidedOnceRule(ApprovalStatus status) : IBusinessRule
{
    public string Code => "Activities:AlreadyDecided";
    public string Message => $"This approval was already {status.ToString().ToLowerInvariant()}.";
    public object?[] Arguments => [status];
    public bool IsBroken() => status != ApprovalStatus.Pending;
}
