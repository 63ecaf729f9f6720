namespace HyperCrm.Framework.Domain;

/// <summary>A broken <see cref="IBusinessRule"/>: its code, English message and message arguments.</summary>
public sealed class BusinessRuleValidationException : BusinessException
{
    public BusinessRuleValidationException(IBusinessRule rule)
        : base(rule.Code, rule.Message)
    {
        BrokenRule = rule;
        Arguments = rule.Arguments;
    }

    public IBusinessRule BrokenRule { get; }
}
