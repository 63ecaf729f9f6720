using HyperCrm.Robots.Application;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// One worker: its own Chromium (launched when it starts, Debian's, with the flags for a headless server), claiming jobs one
/// at a time; it stops after <see cref="RobotsOptions.IdleTimeout"/> with nothing to do if the pool may shrink.
/// </summary>
public sealed class BotWorker(int number, string name, IPlaywright playwright, IServiceScopeFactory scopes, BotJobProcessor processor,
    RobotsOptions options, SemaphoreSlim wake, Func<bool> mayStop, ILogger logger)
{
    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run"];

    private volatile BotWorkerInfo _info = new(number, name, false, null, DateTimeOffset.UtcNow, 0);

    public int Number => number;

    public bool Busy => _info.Busy;

    public BotWorkerInfo Info => _info;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        IBrowser? browser = null;
        try
        {
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = options.ChromiumPath, Headless = true, Args = ChromiumArgs,
            });
            var idleSince = DateTimeOffset.UtcNow;
            while (!stoppingToken.IsCancellationRequested)
            {
                Guid? job;
                await using (var scope = scopes.CreateAsyncScope())
                    job = await scope.ServiceProvider.GetRequiredService<BotJobQueue>().ClaimAsync(name, options.LeaseDuration,
                        stoppingToken);
                if (job is { } id)
                {
                    _info = _info with { Busy = true, JobId = id, Since = DateTimeOffset.UtcNow };
                    try
                    {
                        if (!browser.IsConnected) browser = await RelaunchAsync(browser);
                        await processor.ProcessAsync(id, name, browser, stoppingToken);
                    }
                    catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                    {
                        // The lease runs out and the job is taken up again; this worker goes on with the next.
                        logger.LogWarning(ex, "Bot worker {Worker}: job {Job} failed outside the bot", name, id);
                    }
                    catch (Exception) when (stoppingToken.IsCancellationRequested)
                    {
                        await HandBackAsync(id);
                        return;
                    }
                    idleSince = DateTimeOffset.UtcNow;
                    _info = _info with { Busy = false, JobId = null, Since = idleSince, JobsDone = _info.JobsDone + 1 };
                    continue;
                }
                if (DateTimeOffset.UtcNow - idleSince >= options.IdleTimeout && mayStop()) return;
                try
                {
                    await wake.WaitAsync(options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Bot worker {Worker} stopped", name);
        }
        finally
        {
            if (browser is not null) await browser.DisposeAsync();
        }
    }

    /// <summary>The app is stopping mid-job: the job goes back to the queue for the next instance at once.</summary>
    private async Task HandBackAsync(Guid jobId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await scope.ServiceProvider.GetRequiredService<BotJobQueue>().ReleaseAsync(jobId, name, bounded.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning("Bot worker {Worker}: handing job {Job} back failed ({Error}); its lease will lapse", name, jobId,
                ex.Message);
        }
    }

    private async Task<IBrowser> RelaunchAsync(IBrowser gone)
    {
        await gone.DisposeAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.ChromiumPath, Headless = true, Args = ChromiumArgs,
        });
    }
}
