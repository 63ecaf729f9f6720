using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Framework.Security;

public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) && PartnerId is null ? id : null;

    public string? UserName => Principal?.Identity?.Name;

    public string? Email => Principal?.FindFirstValue(ClaimTypes.Email);

    public Guid? PartnerId => Guid.TryParse(Principal?.FindFirstValue(HyperClaimTypes.PartnerId), out var id) ? id : null;

    public IReadOnlyList<string> Roles => Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() ?? [];
}
