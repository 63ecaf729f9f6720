using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HyperCrm.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SandboxOptions>(configuration.GetSection(SandboxOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SandboxJournal>();
        services.AddSingleton<SandboxWorld>();
        services.AddSingleton<CrmAddress>();
        services.AddSingleton<WebhookSigner>();
        services.AddSingleton<ShopClient>();
        services.AddHttpClient("sandbox", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHostedService<SandboxScheduler>();
        services.AddHostedService<SandboxExposureCheck>();
        return services;
    }

    /// <summary>Maps every simulator under <c>/sandbox</c>: open to anyone (it is a stand-in for the outside world), no
    /// antiforgery.</summary>
    public static RouteGroupBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptionsMonitor<SandboxOptions>>();
        var sandbox = endpoints.MapGroup("/sandbox").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        sandbox.AddEndpointFilter(async (context, next) =>
            SandboxExposure.MayServe(context.HttpContext, options.CurrentValue.AllowRemote) ? await next(context) : Results.NotFound());
        OverviewPage.Map(sandbox);
        ErpEndpoints.Map(sandbox);
        WmsEndpoints.Map(sandbox, options);
        CourierEndpoints.Map(sandbox, options);
        PaymentEndpoints.Map(sandbox);
        MessageEndpoints.Map(sandbox);
        MessageEndpoints.MapInbox(sandbox);
        ShopPages.Map(sandbox);
        MessagePages.Map(sandbox);
        SupplierPortal.Map(sandbox, options);
        LlmEndpoints.Map(sandbox);

        sandbox.MapGet("/{service}/ledger", (string service, SandboxWorld world) =>
            world.Find(service) is { } found ? Results.Json(found.Ledger,
                SandboxJson.Options) : Results.Problem($"No simulator '{service}'.", statusCode: 404));
        sandbox.MapPost("/{service}/faults", (string service, FaultInput input, SandboxWorld world) =>
        {
            if (world.Find(service) is not { } found) return Results.Problem($"No simulator '{service}'.", statusCode: 404);
            if (input.Mode is not ("ok" or "fail" or "slow")) return Results.Problem("mode must be ok, fail or slow.", statusCode: 400);
            found.SetFault(input.Mode, input.Seconds ?? 30, input.DelaySeconds);
            return Results.Ok(new { service, mode = input.Mode, until = found.CurrentFault?.Until });
        });
        sandbox.MapPost("/reset", (SandboxWorld world) =>
        {
            world.Reset();
            return Results.NoContent();
        });
        return sandbox;
    }

    public sealed record FaultInput(string Mode, double? Seconds, double? DelaySeconds);
}
