using HyperCrm.Framework.Domain;

namespace HyperCrm.Sales.Domain.Deals;

public sealed class LostDealsNeedAReasonRule(Stage stage, string? reason) : IBusinessRule
{
    public string Code => "Sales:LostReasonRequired";
    public string Message => "Say why the deal was lost.";
    public bool IsBroken() => stage.IsLost && string.IsNullOrWhiteSpace(reason);
}
