using System.Security.Claims;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Integrations.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HyperCrm.Integrations.Web.Api;

/// <summary>/api/v1/webhooks: a partner's subscriptions, its delivery log and replays (scope webhooks.manage).</summary>
public static class WebhookSubscriptionEndpoints
{
    public static void MapWebhookSubscriptionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapHyperApiV1("Webhooks").MapGroup("/webhooks");

        webhooks.MapGet("/subscriptions", async (IWebhookSubscriptionAppService service, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(new { items = await service.GetListAsync(PartnerOf(user), ct) }))
            .RequireScope(ApiScopes.WebhooksManage)
            .WithName("ListWebhookSubscriptions")
            .WithSummary("The calling partner's webhook subscriptions");

        webhooks.MapPost("/subscriptions", async Task<Created<CreatedWebhookSubscriptionDto>> (CreateWebhookSubscriptionDto input,
            IWebhookSubscriptionAppService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(input, PartnerOf(user), ct);
                return TypedResults.Created($"{HyperApi.V1}/webhooks/subscriptions/{created.Subscription.Id}", created);
            })
            .Validate<CreateWebhookSubscriptionDto>()
            .RequireScope(ApiScopes.WebhooksManage)
            .WithName("CreateWebhookSubscription")
            .WithSummary("Subscribes a URL to order events; the signing secret is returned once. Loopback/private targets are refused " +
                "(422) unless allowed")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        webhooks.MapDelete("/subscriptions/{id:guid}", async (Guid id, IWebhookSubscriptionAppService service, ClaimsPrincipal user,
            CancellationToken ct) =>
            {
                await service.DeleteAsync(id, PartnerOf(user), ct);
                return TypedResults.NoContent();
            })
            .RequireScope(ApiScopes.WebhooksManage)
            .WithName("DeleteWebhookSubscription")
            .WithSummary("Deletes a subscription; its pending deliveries are cancelled")
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/deliveries", async (IWebhookSubscriptionAppService service, ClaimsPrincipal user, Guid? subscriptionId,
            string? state, int? limit, string? cursor, CancellationToken ct) =>
            {
                DeliveryState? parsed = null;
                if (state is { Length: > 0 })
                {
                    parsed = Enum.GetValues<DeliveryState>().Where(s => s.ToString().Equals(state,
                        StringComparison.OrdinalIgnoreCase)).Select(s => (DeliveryState?)s).FirstOrDefault();
                    if (parsed is null)
                        return Results.Problem(detail: "state must be pending, delivered, failed or cancelled.", statusCode: 400,
                            extensions: new Dictionary<string, object?> { ["code"] = "Integrations:UnknownState" });
                }
                return Results.Ok(await service.GetDeliveriesAsync(PartnerOf(user), subscriptionId, parsed, limit ?? 50, cursor, ct));
            })
            .RequireScope(ApiScopes.WebhooksManage)
            .WithName("ListWebhookDeliveries")
            .WithSummary("The delivery log, newest first, with every attempt (cursor-paged, limit ≤ 200)")
            .Produces<DeliveryPageDto>();

        webhooks.MapPost("/deliveries/{id:guid}/replay", async (Guid id, IWebhookSubscriptionAppService service, ClaimsPrincipal user,
            CancellationToken ct) =>
                TypedResults.Ok(await service.ReplayAsync(id, PartnerOf(user), ct)))
            .RequireScope(ApiScopes.WebhooksManage)
            .WithName("ReplayWebhookDelivery")
            .WithSummary("Sends a delivery again (same webhook-id, so the receiver can tell)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Only partners have subscriptions; a staff principal never reaches here (the scope policy needs an API key).</summary>
    private static Guid PartnerOf(ClaimsPrincipal user) => user.PartnerId()
        ?? throw new UnauthorizedAccessException("An API key is needed.");
}
