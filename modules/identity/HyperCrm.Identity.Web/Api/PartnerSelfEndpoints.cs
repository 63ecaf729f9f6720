using System.Security.Claims;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HyperCrm.Identity.Web.Api;

/// <summary>GET /api/v1/me: which partner and scopes the presented key stands for (lets a partner check its set-up).</summary>
public static class PartnerSelfEndpoints
{
    public static void MapPartnerSelfEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapHyperApiV1("Partner");
        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new PartnerSelfDto(
                Guid.Parse(user.FindFirstValue(HyperClaimTypes.PartnerId)!),
                user.FindFirstValue(HyperClaimTypes.PartnerName)!,
                Guid.Parse(user.FindFirstValue(HyperClaimTypes.ApiKeyId)!),
                user.FindAll(HyperClaimTypes.Scope).Select(c => c.Value).Order(StringComparer.Ordinal).ToList())))
            .WithName("GetMe")
            .WithSummary("The partner and scopes of the calling API key");
    }
}
