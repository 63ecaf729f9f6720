using System.Net.Http.Json;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Domain.Jobs;
using HyperCrm.TestBase;
using HyperCrm.Web.Tests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Web.Tests.Robots;

/// <summary>The app on a real port with the sandbox's supplier portal, and a pool of up to four Chromium workers that stop
/// after three idle seconds; retries come fast.</summary>
public sealed class RobotsFixture : SandboxFixture
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Robots:MinWorkers"] = "0",
        ["Robots:MaxWorkers"] = "4",
        ["Robots:IdleTimeout"] = "00:00:03",
        ["Robots:RetryDelay"] = "00:00:01",
        ["Robots:LeaseDuration"] = "00:00:09",
        ["Sandbox:Supplier:DeliverAfterSeconds"] = "2",
        ["Integrations:StockArrivalPollInterval"] = "00:00:00.500",
    };

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<BotJob> JobAsync(Guid id) => WithAsync(sp => sp.GetRequiredService<RobotsDbContext>().Jobs.AsNoTracking()
        .FirstAsync(j => j.Id == id));

    public Task<BotJob> WaitForJobAsync(Guid id, Func<BotJob, bool> done) => Eventually.WaitForAsync(() => JobAsync(id), done, Timeout);

    public Task<Bot> BotAsync(string key) => WithAsync(sp => sp.GetRequiredService<RobotsDbContext>().Bots.AsNoTracking()
        .FirstAsync(b => b.Key == key));

    /// <summary>A small published bot of its own: reads the portal's sign-in page title, or whatever steps are given.</summary>
    public async Task<Bot> TestBotAsync(string key, params BotStep[] steps)
    {
        if (await WithAsync(sp => sp.GetRequiredService<RobotsDbContext>().Bots.AnyAsync(b => b.Key == key))) return await BotAsync(key);
        return await WithAsync(async sp =>
        {
            var bots = sp.GetRequiredService<BotAppService>();
            var bot = await bots.CreateAsync(key, key, CancellationToken.None);
            var problems = await bots.SaveDraftAsync(bot.Id, key, null, new BotDefinition
            {
                AllowedHosts = [BotDefinition.SandboxHost],
                Parameters = [new("portal", "{{sandbox.url}}/supplier")],
                Outcome = "title",
                Steps = steps.Length > 0 ? steps :
                [
                    new BotStep { Kind = BotStepKind.Goto, Target = "{{portal}}/" },
                    new BotStep { Kind = BotStepKind.Extract, Target = "h1", Variable = "title" },
                ],
            }, CancellationToken.None);
            if (problems.Count > 0) throw new InvalidOperationException(string.Join("; ", problems));
            await bots.PublishAsync(bot.Id, "test", null, CancellationToken.None);
            return bot;
        });
    }

    public Task<BotJob> EnqueueAsync(string botKey, IReadOnlyDictionary<string, object?> parameters, string? sourceKey = null) =>
        WithAsync(sp => sp.GetRequiredService<BotJobs>().EnqueueAsync(botKey, parameters, "test", sourceKey));

    public Task SetPausedAsync(Guid botId, bool paused) => WithAsync(async sp =>
    {
        await sp.GetRequiredService<BotAppService>().SetPausedAsync(botId, paused, CancellationToken.None);
        return true;
    });

    public async Task SupplierModeAsync(string? signIn = null, string? page = null)
    {
        using var http = Http();
        (await http.PostAsJsonAsync("/sandbox/supplier/mode", new { signIn, page })).EnsureSuccessStatusCode();
    }
}
