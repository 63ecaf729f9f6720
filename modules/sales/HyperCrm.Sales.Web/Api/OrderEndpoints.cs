using System.Security.Claims;
using HyperCrm.Framework.Application;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Sales.Orders;
using HyperCrm.Sales.Products;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HyperCrm.Sales.Web.Api;

/// <summary>/api/v1/orders and /api/v1/products (docs/api.md).</summary>
public static class OrderEndpoints
{
    public static void MapSalesEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapHyperApiV1("Orders").MapGroup("/orders");

        orders.MapPost("/", async Task<Created<OrderDto>> (CreateOrderDto input, IOrderAppService service, ClaimsPrincipal user,
            CancellationToken ct) =>
            {
                var order = await service.CreateAsync(input, user.PartnerId(), ct);
                return TypedResults.Created($"{HyperApi.V1}/orders/{order.Id}", order);
            })
            .Validate<CreateOrderDto>()
            .RequireScope(ApiScopes.OrdersWrite)
            .WithName("CreateOrder")
            .WithSummary("Creates an order; the customer is matched by email, then phone, or created")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        orders.MapGet("/", async Task<Results<Ok<OrderCursorPageDto>, ProblemHttpResult>> (
                IOrderAppService service, ClaimsPrincipal user, string? status, string? externalId, int? limit, string? cursor,
                    CancellationToken ct) =>
            {
                var parsed = OrderStatusNames.Parse(status);
                if (status is { Length: > 0 } && parsed is null)
                {
                    return TypedResults.Problem(detail: $"Unknown status '{status}'; use one of: " +
                        $"{string.Join(", ", OrderStatusNames.All)}.",
                        statusCode: StatusCodes.Status400BadRequest,
                            extensions: new Dictionary<string, object?> { ["code"] = "Sales:UnknownStatus" });
                }
                return TypedResults.Ok(await service.GetPageAsync(user.PartnerId(), parsed, externalId, limit ?? 50, cursor, ct));
            })
            .RequireScope(ApiScopes.OrdersRead)
            .WithName("ListOrders")
            .WithSummary("The calling partner's orders, cursor-paged (limit ≤ 200)");

        orders.MapGet("/{id:guid}", async (Guid id, IOrderAppService service, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(id, user.PartnerId(), ct)))
            .RequireScope(ApiScopes.OrdersRead)
            .WithName("GetOrder")
            .WithSummary("One of the calling partner's orders, with its lines and status")
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/{id:guid}/cancel", async (Guid id, CancelOrderDto? input, IOrderAppService service, ClaimsPrincipal user,
            CancellationToken ct) =>
                TypedResults.Ok(await service.CancelAsync(id, user.PartnerId(), input?.Reason, ct)))
            .RequireScope(ApiScopes.OrdersWrite)
            .WithName("CancelOrder")
            .WithSummary("Cancels an order that has not shipped yet (409 once it has)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        orders.MapGet("/{id:guid}/timeline", async (Guid id, IOrderAppService service, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await service.GetStepsAsync(id, user.PartnerId(), ct)))
            .RequireScope(ApiScopes.OrdersRead)
            .WithName("GetOrderTimeline")
            .WithSummary("Every step taken for the order: who (human, rule, bot, AI, job, partner), what, when, why")
            .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapHyperApiV1("Products").MapGet("/products",
                async (IProductAppService products, string? filter, int? limit, string? cursor, CancellationToken ct) =>
                    TypedResults.Ok(await products.GetPageAsync(filter, limit ?? KeysetPaging.DefaultLimit, cursor, ct)))
            .RequireScope(ApiScopes.ProductsRead)
            .WithName("ListProducts")
            .WithSummary("The catalog with stock, in SKU order, cursor-paged (limit ≤ 200)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
