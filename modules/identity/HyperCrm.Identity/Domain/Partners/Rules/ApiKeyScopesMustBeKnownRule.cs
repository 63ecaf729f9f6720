using HyperCrm.Framework.Domain;
using HyperCrm.Identity.ApiKeys;

namespace HyperCrm.Identity.Domain.Partners;

public sealed class ApiKeyScopesMustBeKnownRule(IReadOnlyCollection<string> scopes) : IBusinessRule
{
    public string Code => "Identity:UnknownApiScope";
    public string Message =>
        $"Unknown scope(s): {string.Join(", ", scopes.Except(ApiScopes.All))}. Known scopes: {string.Join(", ", ApiScopes.All)}.";
    public object?[] Arguments => [string.Join(", ", scopes.Except(ApiScopes.All)), string.Join(", ", ApiScopes.All)];
    public bool IsBroken() => scopes.Count == 0 || scopes.Except(ApiScopes.All).Any();
}
