using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace HyperCrm.Sandbox;

/// <summary>Where the CRM is: <c>Sandbox:CrmUrl</c>, else this host's own first address (the sandbox runs inside the CRM).</summary>
public sealed class CrmAddress(IOptionsMonitor<SandboxOptions> options, IServiceProvider services)
{
    public Uri Url(string path)
    {
        var configured = options.CurrentValue.CrmUrl;
        var baseUrl = !string.IsNullOrWhiteSpace(configured) ? configured : OwnAddress(services);
        return new Uri(baseUrl.TrimEnd('/') + path);
    }

    /// <summary>The first address this host listens on, with a wildcard host made loopback.</summary>
    public static string OwnAddress(IServiceProvider services)
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("The host listens on no address yet; set Sandbox:CrmUrl.");
        return address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
    }
}

/// <summary>Signs the simulators' webhooks with the Standard Webhooks scheme, with the secrets the CRM was given.</summary>
public sealed class WebhookSigner(IOptionsMonitor<SandboxOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public string ShopSecret() => Secret(options.CurrentValue.Shop.Secret, "Shops", options.CurrentValue.Shop.Source);

    public string CourierSecret() => Secret(options.CurrentValue.Courier.Secret, "Couriers", options.CurrentValue.Courier.Provider);

    private string Secret(string? own, string channel, string name) =>
        !string.IsNullOrWhiteSpace(own) ? own
        : configuration[$"Webhooks:Inbound:{channel}:{name}:Secret"] is { Length: > 0 } shared ? shared
        : throw new InvalidOperationException($"No webhook secret for '{name}': set Webhooks__Inbound__{channel}__{name}__Secret.");

    public void Sign(HttpRequestMessage request, string secret, string webhookId, string body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var signature = new StandardWebhook(secret).Sign(webhookId, now, body);
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
    }
}

/// <summary>The simulators' clock: couriers deliver (and send the signed webhook), suppliers deliver stock to the ERP.</summary>
public sealed class SandboxScheduler(SandboxWorld world, IHttpClientFactory clients, CrmAddress crm, WebhookSigner signer,
    IOptionsMonitor<SandboxOptions> options, ILogger<SandboxScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = world.Clock.GetUtcNow();
            foreach (var po in world.PurchaseOrders.Values.Where(p => !p.Delivered && p.DeliverAt <= now))
            {
                lock (world.StockGate)
                {
                    if (po.Delivered) continue;
                    foreach (var line in po.Lines)
                    {
                        if (world.Stock.TryGetValue(line.Sku, out var item)) item.OnHand += line.Quantity;
                    }
                    po.Delivered = true;
                }
                world.Erp.Record("stock.receive", null, po.Number, new { po.Number, Lines = po.Lines.Select(l => new { l.Sku, l.Quantity }) });
            }
            foreach (var shipment in world.Shipments.Values.Where(s => !s.WebhookSent && s.DeliverAt <= now && NextTry(s, now)))
            {
                shipment.Status = "delivered";
                shipment.DeliveredAt ??= now;
                try
                {
                    await SendDeliveredAsync(shipment, stoppingToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Courier webhook for {Tracking} failed (attempt {Attempt}): {Error}", shipment.TrackingNumber, shipment.WebhookAttempts, ex.Message);
                }
            }
        }
    }

    /// <summary>A refused webhook is sent again with backoff (1, 2, 4 … 60 s), like a real courier's.</summary>
    private static bool NextTry(Shipment s, DateTimeOffset now) =>
        s.WebhookAttempts == 0 || now >= s.DeliverAt.AddSeconds(Math.Min(60, Math.Pow(2, s.WebhookAttempts - 1)) * s.WebhookAttempts);

    private async Task SendDeliveredAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        shipment.WebhookAttempts++;
        var provider = options.CurrentValue.Courier.Provider;
        var body = JsonSerializer.Serialize(new
        {
            type = "shipment.delivered",
            timestamp = world.Clock.GetUtcNow(),
            data = new { shipment.TrackingNumber, shipment.Waybill, shipment.Reference, status = "delivered", shipment.DeliveredAt },
        }, SandboxJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, crm.Url($"/hooks/courier/{Uri.EscapeDataString(provider)}"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        // One webhook id per shipment event: the CRM drops a repeat.
        signer.Sign(request, signer.CourierSecret(), $"msg_{shipment.Id}_delivered", body);
        using var response = await clients.CreateClient("sandbox").SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            shipment.WebhookSent = true;
            world.Courier.Record("webhook.delivered", shipment.Reference, shipment.Id, new { shipment.TrackingNumber, status = (int)response.StatusCode });
        }
        else
        {
            logger.LogWarning("The CRM answered {Status} to the delivery webhook of {Tracking}", (int)response.StatusCode, shipment.TrackingNumber);
        }
    }
}

public static class SandboxServiceCollectionExtensions
{
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SandboxOptions>(configuration.GetSection(SandboxOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SandboxWorld>();
        services.AddSingleton<CrmAddress>();
        services.AddSingleton<WebhookSigner>();
        services.AddSingleton<ShopClient>();
        services.AddHttpClient("sandbox", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHostedService<SandboxScheduler>();
        services.AddHostedService<SandboxExposureCheck>();
        return services;
    }

    /// <summary>Maps every simulator under <c>/sandbox</c>: open to anyone (it is a stand-in for the outside world), no antiforgery.</summary>
    public static RouteGroupBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptionsMonitor<SandboxOptions>>();
        var sandbox = endpoints.MapGroup("/sandbox").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        sandbox.AddEndpointFilter(async (context, next) =>
            SandboxExposure.MayServe(context.HttpContext, options.CurrentValue.AllowRemote) ? await next(context) : Results.NotFound());
        PageEndpoints.MapOverview(sandbox);
        ApiEndpoints.MapErp(sandbox);
        ApiEndpoints.MapWms(sandbox, options);
        ApiEndpoints.MapCourier(sandbox, options);
        ApiEndpoints.MapMessages(sandbox);
        PageEndpoints.MapShop(sandbox);
        PageEndpoints.MapMessagePages(sandbox);
        PageEndpoints.MapSupplier(sandbox, options);

        sandbox.MapGet("/{service}/ledger", (string service, SandboxWorld world) =>
            world.Find(service) is { } found ? Results.Json(found.Ledger, SandboxJson.Options) : Results.Problem($"No simulator '{service}'.", statusCode: 404));
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
