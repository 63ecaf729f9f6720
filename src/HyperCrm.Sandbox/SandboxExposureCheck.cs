using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HyperCrm.Sandbox;

/// <summary>Warns at every start while the sandbox is enabled, and stops the host if it ends up listening beyond loopback.</summary>
public sealed class SandboxExposureCheck(IServer server, IHostApplicationLifetime lifetime, IOptions<SandboxOptions> options,
    ILogger<SandboxExposureCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("The sandbox is enabled: simulated shop, ERP, warehouse, courier, SMS and mail answer anonymously under " +
            "/sandbox. Turn it off in production (Sandbox__Enabled=false).");
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            try
            {
                SandboxExposure.EnsureLoopbackOnly(addresses, options.Value.AllowRemote);
            }
            catch (InvalidOperationException ex)
            {
                logger.LogCritical("{Reason}", ex.Message);
                Environment.ExitCode = 1;
                lifetime.StopApplication();
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
