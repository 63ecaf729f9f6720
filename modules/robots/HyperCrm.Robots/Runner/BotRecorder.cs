using System.Text.Json;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// Writes a run's step log as the bot goes (each step saved at once, so a test run is watched live and a crashed attempt
/// shows how far it got), with a screenshot per step when configured and always on a failure, within the size caps.
/// </summary>
public sealed class BotRecorder(IServiceScopeFactory scopes, RobotsOptions options, TimeProvider clock, BotRun run)
{
    private int _screenshots;

    /// <summary>Records a step; <paramref name="shot"/> says whether to take its screenshot (failures always have one).</summary>
    public async Task RecordAsync(IPage page, string path, string kind, string what, DateTimeOffset started, string? value,
        string outcome, string? error, bool shot, CancellationToken cancellationToken)
    {
        Guid? screenshot = null;
        if (outcome == BotRunStep.Failed || (shot && (options.ScreenshotEveryStep || kind == "screenshot")))
            screenshot = await ScreenshotAsync(page, path, force: outcome == BotRunStep.Failed, cancellationToken);
        var now = clock.GetUtcNow();
        string? url = null;
        try
        {
            url = page.IsClosed ? null : page.Url;
        }
        catch (PlaywrightException)
        {
            // The page went away with the failure; the step is recorded without its address.
        }
        run.Record(new BotRunStep(path, kind, what, started, (long)(now - started).TotalMilliseconds, url, value, outcome, screenshot,
            error));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RobotsDbContext>();
        var json = JsonSerializer.Serialize(run.Steps, JsonSerializerOptions.Web);
        await db.Database.ExecuteSqlAsync($"UPDATE robots.bot_runs SET steps = CAST({json} AS jsonb) WHERE id = {run.Id}",
            cancellationToken);
    }

    private async Task<Guid?> ScreenshotAsync(IPage page, string path, bool force, CancellationToken cancellationToken)
    {
        if (!force && _screenshots >= options.MaxScreenshotsPerRun) return null;
        byte[] image;
        try
        {
            if (page.IsClosed) return null;
            image = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Jpeg, Quality = 60, Timeout = 10_000 });
        }
        catch (PlaywrightException)
        {
            return null;
        }
        if (image.Length > options.MaxScreenshotBytes) return null;
        _screenshots++;
        var shot = new BotScreenshot(Guid.CreateVersion7(), run.Id, path, image, clock.GetUtcNow());
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RobotsDbContext>();
        db.Screenshots.Add(shot);
        await db.SaveChangesAsync(cancellationToken);
        return shot.Id;
    }
}
