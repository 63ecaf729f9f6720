using System.Text;
using System.Text.Json;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Web;
using HyperCrm.Integrations.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Integrations.Web.Api;

/// <summary>
/// Inbound webhooks, signed with Standard Webhooks with one secret per channel and source; a bad or stale signature is a 401 and
/// nothing is stored; a repeated webhook-id is a 200 with no second effect.
/// </summary>
public static class HookEndpoints
{
    private delegate Task<InboundOutcome> Receiver(InboundWebhookService service, string name, string webhookId, string headers,
        string body, CancellationToken ct);

    public static void MapHookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var hooks = endpoints.MapGroup("/hooks").AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimitPolicies.Hooks)
            .WithTags("Inbound webhooks");
        hooks.MapPost("/shop/{source}/orders", (string source, HttpContext http) => ReceiveAsync(http, InboundWebhookService.ShopChannel,
            source, (s, n, id, h, b, ct) => s.ReceiveShopOrderAsync(n, id, h, b, ct)))
            .WithName("ReceiveShopOrder")
                .WithSummary("A web shop's order (Standard Webhooks signature; the order belongs to the partner {source})");
        hooks.MapPost("/courier/{provider}", (string provider, HttpContext http) => ReceiveAsync(http, InboundWebhookService.CourierChannel,
            provider, (s, n, id, h, b, ct) => s.ReceiveCourierAsync(n, id, h, b, ct)))
            .WithName("ReceiveCourierStatus").WithSummary("A courier's shipment status (delivered, returned…)");
        hooks.MapPost("/payments/{provider}", (string provider, HttpContext http) => ReceiveAsync(http,
            InboundWebhookService.PaymentsChannel, provider, (s, n, id, h, b, ct) => s.ReceivePaymentAsync(n, id, h, b, ct)))
            .WithName("ReceivePaymentStatus").WithSummary("A payment gateway's late news about a card payment (authorized, declined…)");
        hooks.MapPost("/events/{source}", (string source, HttpContext http) => ReceiveAsync(http, InboundWebhookService.EventsChannel,
            source, (s, n, id, h, b, ct) => s.ReceiveEventAsync(n, id, h, b, ct)))
            .WithName("ReceiveRuleTrigger").WithSummary("Any signed event { \"type\": … } as a trigger for automation rules");
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, string channel, string name, Receiver receive)
    {
        // A malformed name gets the same 401 as an unknown or unsigned one: the answer never tells which sources exist.
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            return Problem(401, InboundWebhookVerifier.Refusal, "Integrations:BadSignature");
        if (!(http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
            return Problem(415, "Send the webhook as application/json.", "Common:UnsupportedMediaType");
        string body;
        using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        var verifier = http.RequestServices.GetRequiredService<InboundWebhookVerifier>();
        if (!verifier.Verify(channel, name, body, http.Request.Headers)) return Problem(401, InboundWebhookVerifier.Refusal,
            "Integrations:BadSignature");
        // PostgreSQL cannot keep a NUL, and control characters are never data: refused before anything is stored.
        if (TextSafety.FindUnsafeString(body) is { } field)
            return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [TextSafety.Refusal] },
                detail: $"{field}: {TextSafety.Refusal}", extensions: new Dictionary<string, object?> { ["code"] = "Common:UnsafeText" });
        var headers = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["webhook-id"] = http.Request.Headers["webhook-id"].ToString(),
            ["webhook-timestamp"] = http.Request.Headers["webhook-timestamp"].ToString(),
            ["content-type"] = http.Request.ContentType ?? string.Empty,
            ["user-agent"] = http.Request.Headers.UserAgent.ToString(),
            ["remote"] = http.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
        });
        // One transaction for the stored request, its outcome and its effects, holding the webhook id's lock: a copy sent
        // while the first is in flight is told to come back; after a crash or a database blip nothing of it was kept, and the
        // sender's retry runs it once (the lock dies with the transaction).
        var webhookId = http.Request.Headers["webhook-id"].ToString();
        await using var transaction = http.RequestServices.GetRequiredService<SharedTransaction>();
        await transaction.BeginAsync(http.RequestAborted);
        if (!await transaction.TryLockAsync(http.RequestAborted, "webhook", channel, name, webhookId))
            return Problem(409, "The same webhook is being processed; try again shortly.", "Integrations:WebhookInFlight");
        InboundOutcome outcome;
        try
        {
            // Made after the transaction began, so its DbContexts work inside it.
            outcome = await receive(http.RequestServices.GetRequiredService<InboundWebhookService>(), name, webhookId, headers, body,
                http.RequestAborted);
        }
        catch (BusinessException ex)
        {
            return Problem(http.ErrorStatus(ex), http.ErrorText(ex), ex.Code);
        }
        await transaction.CommitAsync(http.RequestAborted);
        if (outcome.Errors is { } errors)
            return Results.ValidationProblem(errors, detail: outcome.Problem,
                extensions: new Dictionary<string, object?> { ["code"] = "Common:ValidationFailed" });
        return outcome.Problem is { } problem ? Problem(outcome.Status, problem, "Integrations:WebhookRefused") : Results.Json(outcome.Body,
            statusCode: outcome.Status);
    }

    private static IResult Problem(int status, string detail, string code) =>
        Results.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
