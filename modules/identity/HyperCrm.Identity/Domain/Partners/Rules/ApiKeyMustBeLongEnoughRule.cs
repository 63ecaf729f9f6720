using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Partners;

namespace HyperCrm.Identity.Domain.Partners;

public sealed class ApiKeyMustBeLongEnoughRule(string? plainKey) : IBusinessRule
{
    public string Code => "Identity:ApiKeyTooShort";
    public string Message => $"An API key must be {PartnerConsts.MinKeyLength} to {PartnerConsts.MaxKeyLength} characters long.";
    public object?[] Arguments => [PartnerConsts.MinKeyLength, PartnerConsts.MaxKeyLength];
    public bool IsBroken() => plainKey is null || plainKey.Length < PartnerConsts.MinKeyLength
        || plainKey.Length > PartnerConsts.MaxKeyLength;
}
