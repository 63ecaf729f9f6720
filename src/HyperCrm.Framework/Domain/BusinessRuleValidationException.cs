namespace HyperCrm.Framework.Domain;

public sealed class BusinessRuleValidationException(IBusinessRule rule)
    : BusinessException(rule.Code, rule.Message, rule.StatusCode)
{
    public IBusinessRule BrokenRule { get; } = rule;
}
