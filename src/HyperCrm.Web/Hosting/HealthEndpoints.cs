using System.Text.Json;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Net;
using HyperCrm.Web.Hosting.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HyperCrm.Web.Hosting;

/// <summary>
/// Health on the built-in framework. Live: the process answers. Ready: the database answers now, every migration is
/// applied and the scheduler runs (503 otherwise, with the reason); degraded (still 200) when a module's check says a
/// backlog or a circuit crossed its alert threshold.
/// </summary>
public static class HealthEndpoints
{
    public static IHealthChecksBuilder AddHyperHealthChecks(this IServiceCollection services) => services.AddHealthChecks()
        .AddCheck<MigrationsHealthCheck>("migrations", tags: [HealthTags.Ready])
        .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready])
        .AddCheck<SchedulerHealthCheck>("scheduler", tags: [HealthTags.Ready]);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
            {
                Predicate = c => c.Tags.Contains(HealthTags.Ready),
                ResponseWriter = WriteAsync,
                ResultStatusCodes =
                {
                    [HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [HealthStatus.Degraded] = StatusCodes.Status200OK,
                    [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            })
            .AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var live = context.Request.Path.StartsWithSegments("/health/live");
        var status = live ? "live" : report.Status switch
        {
            HealthStatus.Healthy => "ready",
            HealthStatus.Degraded => "degraded",
            _ => "not_ready",
        };
        // The checks' words (a database error's text, the firing alerts' rules) are for this machine (the in-process test
        // server has no address); anyone else gets the statuses only.
        var remote = context.Connection.RemoteIpAddress;
        var local = remote is null || InternalAddresses.IsLoopback(remote);
        var failing = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).ToList();
        var reason = failing.Count == 0 ? null
            : local ? failing[0].Value.Description
            : string.Join(", ", failing.Select(e => $"{e.Key}: {e.Value.Status.ToString().ToLowerInvariant()}"));
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status,
            reason,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = local ? e.Value.Description : null,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }, JsonOptions, context.RequestAborted);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
