using System.Security.Claims;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Sales.Deals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HyperCrm.Sales.Web.Api;

/// <summary>/api/v1/deals: a partner's deals and their stage.</summary>
public static class DealEndpoints
{
    public static void MapDealEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var deals = endpoints.MapHyperApiV1("Deals").MapGroup("/deals");

        deals.MapGet("/", async (IDealAppService service, ClaimsPrincipal user, int? limit, string? cursor, CancellationToken ct) =>
                TypedResults.Ok(await service.GetPageAsync(user.PartnerId(), limit ?? 50, cursor, ct)))
            .RequireScope(ApiScopes.DealsRead)
            .WithName("ListDeals")
            .WithSummary("The deals in the calling partner's view, cursor-paged (limit ≤ 200)");

        deals.MapPost("/", async Task<Created<DealDto>> (CreateDealDto input, IDealAppService service, ClaimsPrincipal user,
            CancellationToken ct) =>
            {
                var deal = await service.CreateAsync(input, user.PartnerId(), ct);
                return TypedResults.Created($"{HyperApi.V1}/deals/{deal.Id}", deal);
            })
            .Validate<CreateDealDto>()
            .RequireScope(ApiScopes.DealsWrite)
            .WithName("CreateDeal")
            .WithSummary("Creates a deal in a pipeline stage, for a customer the partner can see")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        deals.MapGet("/{id:guid}", async (Guid id, IDealAppService service, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await service.GetAsync(id, user.PartnerId(), ct)))
            .RequireScope(ApiScopes.DealsRead)
            .WithName("GetDeal")
            .WithSummary("One deal with its stage")
            .ProducesProblem(StatusCodes.Status404NotFound);

        deals.MapPatch("/{id:guid}", async (Guid id, UpdateDealDto input, IDealAppService service, ClaimsPrincipal user,
            CancellationToken ct) =>
                TypedResults.Ok(await service.UpdateAsync(id, input, user.PartnerId(), ct)))
            .Validate<UpdateDealDto>()
            .RequireScope(ApiScopes.DealsWrite)
            .WithName("UpdateDeal")
            .WithSummary("Changes the fields sent; \"stage\" takes a stage id or name, a lost stage needs lostReason")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
