using System.Security.Claims;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HyperCrm.Customers.Web.Api;

/// <summary>/api/v1/customers: a partner reads and writes its own view of the customers that came through it.</summary>
public static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapHyperApiV1("Customers").MapGroup("/customers");

        group.MapGet("/", async (IPartnerCustomerAppService customers, ClaimsPrincipal user, string? filter, int? limit, string? cursor,
            CancellationToken ct) =>
                TypedResults.Ok(await customers.GetPageAsync(user.RequiredPartnerId(), filter, limit ?? 50, cursor, ct)))
            .RequireScope(ApiScopes.CustomersRead)
            .WithName("ListCustomers")
            .WithSummary("Customers linked to the calling partner, cursor-paged (limit ≤ 200)");

        group.MapGet("/{id:guid}", async (Guid id, IPartnerCustomerAppService customers, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await customers.GetAsync(id, user.RequiredPartnerId(), ct)))
            .RequireScope(ApiScopes.CustomersRead)
            .WithName("GetCustomer")
            .WithSummary("The calling partner's view of one of its customers")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<PartnerCustomerDto>> (CreateCustomerDto input, IPartnerCustomerAppService customers,
            ClaimsPrincipal user, CancellationToken ct) =>
            {
                var created = await customers.CreateAsync(input, user.RequiredPartnerId(), ct);
                return TypedResults.Created($"{HyperApi.V1}/customers/{created.Id}", created);
            })
            .Validate<CreateCustomerDto>()
            .RequireScope(ApiScopes.CustomersWrite)
            .WithName("CreateCustomer")
            .WithSummary("Adds a customer (matched to a known one by email, as orders are); staff-only fields are refused (422)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPatch("/{id:guid}", async (Guid id, UpdateCustomerDto input, IPartnerCustomerAppService customers, ClaimsPrincipal user,
            CancellationToken ct) =>
                TypedResults.Ok(await customers.UpdateAsync(id, input, user.RequiredPartnerId(), ct)))
            .Validate<UpdateCustomerDto>()
            .RequireScope(ApiScopes.CustomersWrite)
            .WithName("UpdateCustomer")
            .WithSummary("Changes only the fields sent, in the partner's own view; send concurrencyStamp to refuse a stale update (409)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
