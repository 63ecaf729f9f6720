using System.Text.Json;
using System.Text.Json.Nodes;
using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace HyperCrm.Web.OpenApi;

/// <summary>
/// What the generated OpenAPI document lacks on its own: the API-key security scheme, the errors every endpoint may
/// answer (401, 403, 429, as problems), and the modules' examples on their schemas.
/// </summary>
public static class HyperOpenApiTransformers
{
    public const string SecuritySchemeName = "ApiKey";
    public const string WebhookSignatureSchemeName = "StandardWebhooks";

    /// <summary>What each group of endpoints is for (Redocly's tag-description rule).</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Orders"] = "A partner's orders: create (matched to a customer), read, list, cancel, and the steps taken for each.",
        ["Customers"] = "A partner's view of its customers: what it sent, never staff's notes, tags or owner.",
        ["Deals"] = "Deals in the sales pipelines, for customers the partner can see.",
        ["Products"] = "The catalog with the stock available to order.",
        ["Messages"] = "Customers' messages a partner relays to the support inbox, where the AI reads them and people answer.",
        ["Partner"] = "The calling partner itself: its name and the scopes of its key.",
        ["Webhooks"] = "Outbound webhooks: the partner's subscriptions, the deliveries made to them, and replays.",
        ["Analytics"] = "The process-mining event log of the partner's orders, as IEEE 1849 XES or OCEL 2.0, streamed.",
        ["Inbound webhooks"] = "Webhooks HyperCrm receives from shops, couriers and other systems, signed per Standard Webhooks.",
    };

    public static OpenApiOptions AddHyperTransformers(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "HyperCrm public API";
            document.Info.Version = "v1";
            document.Info.Description = "Partners call it with an API key: `Authorization: Bearer <key>` or `X-Api-Key: <key>`. " +
                                        "Every error is an RFC 9457 problem (`application/problem+json`) with a stable `code`. " +
                                        "Writes accept an `Idempotency-Key` header; lists page with an opaque `cursor`.";
            // The document is served by the instance it describes: a relative server works wherever it is deployed.
            document.Servers = [new OpenApiServer { Url = "/", Description = "This HyperCrm instance" }];
            document.Info.License = new OpenApiLicense { Name = "Proprietary: for HyperCrm partners under their agreement",
                Identifier = "LicenseRef-HyperCrm-Partner-Agreement" };
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
            }
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key issued in Settings → Partners; also accepted as `X-Api-Key`.",
            };
            document.Components.SecuritySchemes[WebhookSignatureSchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "webhook-signature",
                Description = "Standard Webhooks: `webhook-id`, `webhook-timestamp` (within 5 minutes) and `webhook-signature` " +
                              "(`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the channel's own secret). Anything else is a 401.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.RelativePath?.StartsWith("hooks/", StringComparison.Ordinal) ?? false)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(WebhookSignatureSchemeName,
                    context.Document)] = [] });
                operation.Responses ??= new OpenApiResponses();
                AddProblem(operation, "401", "The signature is missing, wrong or too old, or the source is unknown.",
                    "Integrations:BadSignature");
                AddProblem(operation, "415", "The body is not `application/json`.", "Common:UnsupportedMediaType");
                AddProblem(operation, "422",
                    "The webhook is signed but refused (an invalid order, a shipment not booked with this courier).",
                    "Integrations:WebhookRefused");
                AddProblem(operation, "429", "Too many webhooks; retry after the seconds in `Retry-After`.", "Common:RateLimited");
                return Task.CompletedTask;
            }
            if (!context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) ?? true) return Task.CompletedTask;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName,
                context.Document)] = [] });
            operation.Responses ??= new OpenApiResponses();
            AddProblem(operation, "401", "No API key, or an unknown or revoked one.", "Auth:Unauthenticated");
            AddProblem(operation, "403", "The key lacks the scope this endpoint needs.", "Auth:MissingScope");
            AddProblem(operation, "429", "Too many requests; retry after the seconds in `Retry-After`.", "Common:RateLimited");
            if (operation.RequestBody is not null)
            {
                AddProblem(operation, "413", "The body is over 1 MiB.", "Common:BodyTooLarge");
                AddProblem(operation, "415", "The body is not `application/json`.", "Common:UnsupportedMediaType");
            }
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var examples = context.ApplicationServices.GetService<ApiExamples>();
            if (examples is not null && examples.All.TryGetValue(context.JsonTypeInfo.Type, out var example))
            {
                var json = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                schema.Examples = [JsonSerializer.SerializeToNode(example, context.JsonTypeInfo.Type, json)!];
            }
            return Task.CompletedTask;
        });
        return options;
    }

    private static void AddProblem(OpenApiOperation operation, string status, string description, string code)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new()
                {
                    Example = new JsonObject
                    {
                        ["type"] = $"https://httpstatuses.io/{status}", ["title"] = description, ["status"] = int.Parse(status,
                            System.Globalization.CultureInfo.InvariantCulture),
                        ["code"] = code, ["traceId"] = "4bf92f3577b34da6a3ce929d0e0e4736",
                    },
                },
            },
        };
    }
}
