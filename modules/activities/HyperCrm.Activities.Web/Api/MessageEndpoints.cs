using System.Security.Claims;
using HyperCrm.Activities.Messages;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HyperCrm.Activities.Web.Api;

/// <summary>/api/v1/messages: partners relay their customers' messages to the support inbox (docs/api.md).</summary>
public static class MessageEndpoints
{
    public static void MapMessageEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHyperApiV1("Messages").MapPost("/messages", async Task<Created<MessageAcceptedDto>> (ReceiveMessageDto input,
                IMessageIntegrationService messages, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var message = await messages.ReceiveAsync(input, user.PartnerId(), ct);
                return TypedResults.Created($"{HyperApi.V1}/messages/{message.Id}", new MessageAcceptedDto(message.Id, message.ReceivedAt));
            })
            .Validate<ReceiveMessageDto>()
            .RequireScope(ApiScopes.MessagesWrite)
            .WithName("RelayMessage")
            .WithSummary("Relays a customer's message to the support inbox; it is matched to the customer and triaged")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
