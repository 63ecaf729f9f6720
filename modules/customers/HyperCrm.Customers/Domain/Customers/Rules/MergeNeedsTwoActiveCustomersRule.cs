using HyperCrm.Framework.Domain;

namespace HyperCrm.Customers.Domain.Customers;

public sealed class MergeNeedsTwoActiveCustomersRule(Customer winner, Customer loser) : IBusinessRule
{
    public string Code => "Customers:InvalidMerge";
    public string Message => "Merge two different customers, neither of which is already merged.";
    public bool IsBroken() => winner.Id == loser.Id || winner.MergedIntoId is not null || loser.MergedIntoId is not null;
}
