using HyperCrm.Framework.Domain;

namespace HyperCrm.Activities.Domain;

public sealed class RejectionNeedsACommentRule(bool approve, string? comment) : IBusinessRule
{
    public string Code => "Activities:CommentRequired";
    public string Message => "Say why you reject it.";
    public bool IsBroken() => !approve && string.IsNullOrWhiteSpace(comment);
}
