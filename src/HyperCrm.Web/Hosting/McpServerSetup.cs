using System.Security.Claims;
using System.Text.Json;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.Audit;
using Microsoft.AspNetCore.Authorization;
using ModelContextProtocol.Protocol;

namespace HyperCrm.Web.Hosting;

/// <summary>
/// The MCP server at /mcp (streamable HTTP, stateless, so any instance answers any request): modules offer their tools and
/// resources; here each is shown only to callers who may use it (<see cref="McpAccessAttribute"/>: a person's permission
/// through their token, a partner's scope through its key), a call to anything else is refused, a business refusal comes back
/// as the tool's error with its reason, and every call — refused or not — goes into the security audit log.
/// </summary>
public static class McpServerSetup
{
    private const int MaxAuditedArguments = 300;

    public static void AddHyperMcp(this IServiceCollection services)
    {
        services.AddMcpServer(o =>
            {
                o.ServerInfo = new Implementation { Name = "HyperCrm",
                    Version = typeof(McpServerSetup).Assembly.GetName().Version?.ToString() ?? "1" };
                o.ServerInstructions = "HyperCrm is a CRM: customers, orders, deals, tasks, notes and automation rules. "
                    + "Find records with the "
                    + "search_* tools, read them with get_* (ids are GUIDs) or as resources (hypercrm://orders/{id}, "
                    + "hypercrm://customers/{id}). You act with the permissions of the key or token you were given.";
            })
            .WithHttpTransport(o => o.Stateless = true)
            .WithRequestFilters(filters =>
            {
                filters.AddListToolsFilter(next => async (context, cancellationToken) =>
                {
                    var result = await next(context, cancellationToken);
                    var tools = context.Server.ServerOptions.ToolCollection;
                    var shown = new List<Tool>();
                    foreach (var tool in result.Tools)
                        if (tools is not null && tools.TryGetPrimitive(tool.Name, out var primitive)
                            && await MayAsync(context.Services!, context.User, primitive.Metadata, cancellationToken))
                            shown.Add(tool);
                    result.Tools = shown;
                    return result;
                });
                filters.AddListResourceTemplatesFilter(next => async (context, cancellationToken) =>
                {
                    var result = await next(context, cancellationToken);
                    var resources = context.Server.ServerOptions.ResourceCollection?.ToList() ?? [];
                    var shown = new List<ResourceTemplate>();
                    foreach (var template in result.ResourceTemplates)
                        if (resources.FirstOrDefault(r => r.ProtocolResourceTemplate.UriTemplate == template.UriTemplate) is { } resource
                            && await MayAsync(context.Services!, context.User, resource.Metadata, cancellationToken))
                            shown.Add(template);
                    result.ResourceTemplates = shown;
                    return result;
                });
                filters.AddCallToolFilter(next => async (context, cancellationToken) =>
                {
                    var name = context.Params?.Name ?? "?";
                    var what = $"{name} {Cut(context.Params?.Arguments)}";
                    var audit = context.Services!.GetRequiredService<ISecurityAuditLogger>();
                    if (!await MayAsync(context.Services!, context.User, context.MatchedPrimitive?.Metadata, cancellationToken))
                    {
                        await audit.LogAsync(SecurityActions.McpToolCalled, false, Caller(context.User), what + " → refused",
                            cancellationToken);
                        return Error($"The tool '{name}' is not available with this key or token.");
                    }
                    try
                    {
                        var result = await next(context, cancellationToken);
                        await audit.LogAsync(SecurityActions.McpToolCalled, result.IsError != true, Caller(context.User), what,
                            cancellationToken);
                        return result;
                    }
                    catch (BusinessException ex)
                    {
                        await audit.LogAsync(SecurityActions.McpToolCalled, false, Caller(context.User), $"{what} → {ex.Code}",
                            cancellationToken);
                        return Error(ex.Message);
                    }
                });
                filters.AddReadResourceFilter(next => async (context, cancellationToken) =>
                {
                    var what = context.Params?.Uri ?? "?";
                    var audit = context.Services!.GetRequiredService<ISecurityAuditLogger>();
                    if (!await MayAsync(context.Services!, context.User, context.MatchedPrimitive?.Metadata, cancellationToken))
                    {
                        await audit.LogAsync(SecurityActions.McpResourceRead, false, Caller(context.User), what + " → refused",
                            cancellationToken);
                        throw new ModelContextProtocol.McpProtocolException("Resource not found: " + what,
                            ModelContextProtocol.McpErrorCode.ResourceNotFound);
                    }
                    try
                    {
                        var result = await next(context, cancellationToken);
                        await audit.LogAsync(SecurityActions.McpResourceRead, true, Caller(context.User), what, cancellationToken);
                        return result;
                    }
                    catch (BusinessException ex)
                    {
                        await audit.LogAsync(SecurityActions.McpResourceRead, false, Caller(context.User), $"{what} → {ex.Code}",
                            cancellationToken);
                        throw new ModelContextProtocol.McpProtocolException(ex is EntityNotFoundException ? "Resource not found: " + what
                            : ex.Message, ex is EntityNotFoundException ? ModelContextProtocol.McpErrorCode.ResourceNotFound
                            : ModelContextProtocol.McpErrorCode.InvalidParams);
                    }
                });
            });
    }

    /// <summary>/mcp: a partner's key or a person's token (never the staff cookie), rate limited like the API.</summary>
    public static void MapHyperMcp(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMcp(HyperApi.McpPath)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = HyperApi.ApiKeyScheme })
            .RequireRateLimiting(RateLimitPolicies.Api)
            .ExcludeFromDescription();

    /// <summary>Whether the caller may use a tool or resource that declares <see cref="McpAccessAttribute"/> (none: nobody).</summary>
    private static async Task<bool> MayAsync(IServiceProvider services, ClaimsPrincipal? user, IReadOnlyList<object>? metadata,
        CancellationToken cancellationToken)
    {
        if (user?.Identity?.IsAuthenticated != true || metadata?.OfType<McpAccessAttribute>().FirstOrDefault() is not { } access)
            return false;
        if (user.PartnerId() is not null) return access.Scope is { } scope && user.HasClaim(HyperClaimTypes.Scope, scope);
        return await services.GetRequiredService<IPermissionChecker>().IsGrantedAsync(user, access.Permission, cancellationToken);
    }

    private static string? Caller(ClaimsPrincipal? user) => user?.FindFirst(ClaimTypes.Email)?.Value ?? user?.Identity?.Name;

    private static string Cut(IDictionary<string, JsonElement>? arguments)
    {
        if (arguments is null || arguments.Count == 0) return "{}";
        var json = JsonSerializer.Serialize(arguments);
        return json.Length > MaxAuditedArguments ? json[..MaxAuditedArguments] + "…" : json;
    }

    private static CallToolResult Error(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };
}
