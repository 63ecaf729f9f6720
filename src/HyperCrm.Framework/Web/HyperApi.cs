using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HyperCrm.Framework.Web;

/// <summary>The public REST API's conventions, shared by every module that exposes endpoints under /api/v1.</summary>
public static class HyperApi
{
    public const string Prefix = "/api";
    public const string V1 = "/api/v1";
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The default scheme: forwards to <see cref="ApiKeyScheme"/> under /api and to the staff cookie elsewhere.</summary>
    public const string SelectorScheme = "HyperCrm";
    public const string RateLimitPolicy = RateLimitPolicies.Api;
    private const string ScopePolicyPrefix = "scope:";

    /// <summary>A group under /api/v1 that only partners' API keys may call, rate limited per partner.</summary>
    public static RouteGroupBuilder MapHyperApiV1(this IEndpointRouteBuilder endpoints, string tag)
    {
        var group = endpoints.MapGroup(V1)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyScheme })
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags(tag);
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    /// <summary>Requires the API key to carry <paramref name="scope"/> (403 problem otherwise).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ScopePolicy(scope));

    public static string ScopePolicy(string scope) => ScopePolicyPrefix + scope;

    public static bool TryParseScopePolicy(string policyName, out string scope)
    {
        scope = policyName.StartsWith(ScopePolicyPrefix, StringComparison.Ordinal) ? policyName[ScopePolicyPrefix.Length..] : string.Empty;
        return scope.Length > 0;
    }

    /// <summary>The MCP server for outside assistants: authenticated like the API (a partner's key or a person's token).</summary>
    public const string McpPath = "/mcp";

    /// <summary>Inbound webhooks: machines too, so they are answered with problems, never with the error page.</summary>
    public const string HooksPrefix = "/hooks";

    /// <summary>A request from a machine (the API or an inbound webhook): errors are problem+json, not pages.</summary>
    public static bool IsMachineRequest(HttpContext context) =>
        IsApiRequest(context) || context.Request.Path.StartsWithSegments(HooksPrefix, StringComparison.OrdinalIgnoreCase);

    public static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase) || IsMcpRequest(context);

    public static bool IsMcpRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments(McpPath, StringComparison.OrdinalIgnoreCase);
}
