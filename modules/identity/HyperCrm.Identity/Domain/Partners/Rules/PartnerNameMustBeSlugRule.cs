using System.Text.RegularExpressions;
using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Partners;

namespace HyperCrm.Identity.Domain.Partners;

public sealed partial class PartnerNameMustBeSlugRule(string? name) : IBusinessRule
{
    public string Code => "Identity:PartnerNameFormat";

    public string Message =>
        "A partner name uses lowercase letters, digits and dashes only, up to 64 characters (it appears in webhook URLs).";

    public bool IsBroken() => name is null || name.Length > PartnerConsts.MaxNameLength || !SlugPattern().IsMatch(name);

    [GeneratedRegex(PartnerConsts.NamePattern)]
    private static partial Regex SlugPattern();
}
