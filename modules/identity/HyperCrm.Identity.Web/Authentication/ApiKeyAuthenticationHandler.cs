using System.Security.Claims;
using System.Text.Encodings.Web;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.Application;
using HyperCrm.Identity.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperCrm.Identity.Web.Authentication;

/// <summary>
/// Authenticates partners by API key (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>) and, at /mcp only, staff by
/// personal access token (as themselves, with their permissions); answers a missing, wrong or revoked key with a 401 problem,
/// a missing scope with a 403 problem.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyAuthenticationService keys,
    PersonalAccessTokenAuthenticator tokens,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request);
        if (presented is null) return AuthenticateResult.NoResult();
        if (PersonalAccessTokenAuthenticator.LooksLikeToken(presented))
        {
            // A person's token opens the MCP server only: the REST API stays for partners' keys.
            if (!HyperApi.IsMcpRequest(Context)) return AuthenticateResult.Fail("Personal access tokens are accepted at /mcp only.");
            var person = await tokens.AuthenticateAsync(presented, Scheme.Name, Context.RequestAborted);
            return person is null
                ? AuthenticateResult.Fail("The token is unknown, expired or revoked, or its owner is disabled.")
                : AuthenticateResult.Success(new AuthenticationTicket(person, Scheme.Name));
        }
        var identity = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        if (identity is null) return AuthenticateResult.Fail("The API key is unknown, revoked, or its partner is disabled.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.PartnerId.ToString()),
            new(ClaimTypes.Name, identity.PartnerName),
            new(HyperClaimTypes.PartnerId, identity.PartnerId.ToString()),
            new(HyperClaimTypes.PartnerName, identity.PartnerName),
            new(HyperClaimTypes.ApiKeyId, identity.KeyId.ToString()),
        };
        claims.AddRange(identity.Scopes.Select(s => new Claim(HyperClaimTypes.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = result.Failure?.Message ?? $"Send your API key as 'Authorization: Bearer <key>' or '{HeaderName}: <key>'.";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail, "Identity:ApiKeyRequired");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This API key lacks the scope this endpoint needs.",
            "Identity:ScopeMissing");
    }

    private async Task WriteProblemAsync(int status, string title, string detail, string code)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpstatuses.io/{status}" };
        problem.Extensions["code"] = code;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }

    private static string? ReadKey(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return authorization[BearerPrefix.Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        return request.Headers[HeaderName].ToString().Trim() is { Length: > 0 } key ? key : null;
    }
}
