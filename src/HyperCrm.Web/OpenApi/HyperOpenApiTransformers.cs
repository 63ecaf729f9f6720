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
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key issued in Settings → Partners; also accepted as `X-Api-Key`.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (!context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) ?? true) return Task.CompletedTask;
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [] });
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
                        ["type"] = $"https://httpstatuses.io/{status}", ["title"] = description, ["status"] = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                        ["code"] = code, ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    },
                },
            },
        };
    }
}
