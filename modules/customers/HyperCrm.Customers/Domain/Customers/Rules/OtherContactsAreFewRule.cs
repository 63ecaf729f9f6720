using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Customers.Domain.Customers;

public sealed class OtherContactsAreFewRule(int count) : IBusinessRule
{
    public string Code => "Customers:TooManyContacts";
    public string Message => $"A customer has at most {CustomerConsts.MaxOtherContacts} other emails and phones.";
    public object?[] Arguments => [CustomerConsts.MaxOtherContacts];
    public bool IsBroken() => count > CustomerConsts.MaxOtherContacts;
}
