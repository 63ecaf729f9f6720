using System.Security.Claims;
using HyperCrm.Analytics.Export;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.ApiKeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Analytics.Web.Api;

/// <summary>/api/v1/analytics/event-log (docs/api.md).</summary>
public static class AnalyticsEndpoints
{
    public static void MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHyperApiV1("Analytics").MapGet("/analytics/event-log", async (HttpContext http, ClaimsPrincipal user, string? format,
                string? from, string? to, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>();
                var kind = (format ?? "xes").Trim().ToLowerInvariant();
                if (kind is not ("xes" or "ocel")) errors["format"] = ["Use xes (IEEE 1849) or ocel (OCEL 2.0 JSON)."];
                var period = EventLogPeriod.Parse(from, to, DateTimeOffset.UtcNow, errors);
                if (errors.Count > 0 || period is null)
                    return Results.ValidationProblem(errors, extensions: new Dictionary<string,
                        object?> { ["code"] = "Common:ValidationFailed" });
                // A partner's key exports only its own orders' entries, whatever it asks for.
                var export = new EventLogExport(period.Value.From, period.Value.To, user.PartnerId());
                var exporter = http.RequestServices.GetRequiredService<EventLogExporter>();
                var name = $"hypercrm-{period.Value.From:yyyyMMdd}-{period.Value.To:yyyyMMdd}";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{(kind == "xes" ? "xes" : "jsonocel")}\"";
                http.Response.ContentType = kind == "xes" ? "application/xml; charset=utf-8" : "application/json; charset=utf-8";
                if (kind == "xes") await exporter.WriteXesAsync(http.Response.Body, export, ct);
                else await exporter.WriteOcelAsync(http.Response.Body, export, ct);
                return Results.Empty;
            })
            .RequireScope(ApiScopes.AnalyticsRead)
            .WithName("ExportEventLog")
            .WithSummary("The event log behind process mining, as IEEE 1849 XES or OCEL 2.0 JSON, streamed (a partner: its own orders)")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem();
    }
}
