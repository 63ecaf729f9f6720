using System.Security.Claims;

namespace HyperCrm.Framework.Security;

/// <summary>Who is acting now: a signed-in staff member, a partner's API key, or nobody (a background job).</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? Id { get; }
    string? UserName { get; }
    string? Email { get; }

    /// <summary>Set when the caller is a partner authenticated by API key.</summary>
    Guid? PartnerId { get; }

    IReadOnlyList<string> Roles { get; }

    ClaimsPrincipal? Principal { get; }
}
