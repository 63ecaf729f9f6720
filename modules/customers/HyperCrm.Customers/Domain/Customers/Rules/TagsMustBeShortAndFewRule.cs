using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Customers.Domain.Customers;

public sealed class TagsMustBeShortAndFewRule(IReadOnlyCollection<string> tags) : IBusinessRule
{
    public string Code => "Customers:InvalidTags";
    public string Message => $"A customer has at most {CustomerConsts.MaxTags} tags of at most {CustomerConsts.MaxTagLength} characters.";
    public object?[] Arguments => [CustomerConsts.MaxTags, CustomerConsts.MaxTagLength];
    public bool IsBroken() => tags.Count > CustomerConsts.MaxTags || tags.Any(t => t.Length > CustomerConsts.MaxTagLength);
}
