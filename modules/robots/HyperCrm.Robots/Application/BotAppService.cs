using System.Text.Json;
using HyperCrm.Activities;
using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Audit;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Domain.Jobs;
using HyperCrm.Robots.Runner;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Robots.Application;

/// <summary>
/// What the Robots pages do: bots (edit the draft, publish, roll back, pause and resume, set credentials, test-run), the
/// queue (retry, cancel, mark done by a person) and runs with their screenshots. Every change is audited; a password is
/// protected at once and never read back.
/// </summary>
public sealed class BotAppService(RobotsDbContext db, BotJobs jobs, ISecurityAuditLogger audit, IDataProtectionProvider protection,
    IActivitiesIntegrationService activities, IServiceProvider services, TimeProvider clock)
{
    public async Task<IReadOnlyList<BotSummary>> GetListAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-7);
        var bots = await db.Bots.AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking().Where(r => !r.IsTest && r.StartedAt >= since).GroupBy(r => r.BotId)
            .Select(g => new { g.Key, Total = g.Count(), Failed = g.Count(r => r.Outcome == BotRunOutcome.Failed
                || r.Outcome == BotRunOutcome.Retrying || r.Outcome == BotRunOutcome.Abandoned) })
            .ToDictionaryAsync(g => g.Key, cancellationToken);
        var last = await db.Runs.AsNoTracking().GroupBy(r => r.BotId)
            .Select(g => g.OrderByDescending(r => r.StartedAt).Select(r => new { r.BotId, r.StartedAt, r.Outcome }).First())
            .ToDictionaryAsync(r => r.BotId, cancellationToken);
        var waiting = await db.Jobs.AsNoTracking().Where(j => j.State == BotJobState.Queued || j.State == BotJobState.Running)
            .GroupBy(j => j.BotId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count,
                cancellationToken);
        return bots.Select(b => new BotSummary(b.Id, b.Key, b.Name, b.Paused, b.LiveVersion, last.GetValueOrDefault(b.Id)?.StartedAt,
            last.GetValueOrDefault(b.Id)?.Outcome.ToString(), runs.GetValueOrDefault(b.Id)?.Total ?? 0,
            runs.GetValueOrDefault(b.Id)?.Failed ?? 0, waiting.GetValueOrDefault(b.Id))).ToList();
    }

    public Task<Bot?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Bots.AsNoTracking().Include(b => b.Versions).FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    /// <summary>Validates and saves the draft (nothing is saved when there are problems).</summary>
    public async Task<IReadOnlyList<BotDefinitionProblem>> SaveDraftAsync(Guid id, string name, string? description,
        BotDefinition draft, CancellationToken cancellationToken)
    {
        var problems = Validate(draft);
        if (string.IsNullOrWhiteSpace(name) || name.Length > Bot.MaxNameLength)
            problems = [.. problems, new BotDefinitionProblem("name", "Problem:Name", Bot.MaxNameLength)];
        if (problems.Count > 0) return problems;
        var bot = await LoadAsync(id, cancellationToken);
        bot.Rename(name, description, clock.GetUtcNow());
        bot.SaveDraft(draft, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("bot.draft_saved", true, $"bot {bot.Key}", null, cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<BotDefinitionProblem>> PublishAsync(Guid id, string publishedBy, string? note,
        CancellationToken cancellationToken)
    {
        var bot = await LoadAsync(id, cancellationToken);
        var problems = Validate(BotDefinition.FromJson(bot.Draft));
        if (problems.Count > 0) return problems;
        var version = bot.Publish(publishedBy, note, clock.GetUtcNow());
        // A new version with its id already set: told apart from a stored one explicitly.
        db.BotVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("bot.published", true, $"bot {bot.Key}", $"version {version.Number}", cancellationToken);
        return [];
    }

    public async Task RollBackAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        var bot = await LoadAsync(id, cancellationToken);
        bot.RollBackTo(number, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("bot.rolled_back", true, $"bot {bot.Key}", $"version {number} is live", cancellationToken);
    }

    public async Task SetPausedAsync(Guid id, bool paused, CancellationToken cancellationToken)
    {
        var bot = await LoadAsync(id, cancellationToken);
        if (paused) bot.Pause(clock.GetUtcNow());
        else bot.Resume(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(paused ? "bot.paused" : "bot.resumed", true, $"bot {bot.Key}", null, cancellationToken);
        if (!paused) services.GetRequiredService<BotWorkerPool>().Wake();
    }

    /// <summary>Sets the sign-in; an empty password keeps the stored one. The password is never logged or shown.</summary>
    public async Task SetCredentialsAsync(Guid id, string? userName, string? password, CancellationToken cancellationToken)
    {
        var bot = await LoadAsync(id, cancellationToken);
        var protectedPassword = string.IsNullOrEmpty(password) ? null
            : protection.CreateProtector(BotJobProcessor.ProtectorPurpose).Protect(password);
        bot.SetCredentials(userName, protectedPassword, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("bot.credentials_changed", true, $"bot {bot.Key}",
            password is { Length: > 0 } ? "user name and password" : "user name", cancellationToken);
    }

    /// <summary>Runs the bot's draft now (bots paused or not), with the parameters given as JSON.</summary>
    public async Task<BotJob> TestRunAsync(Guid id, string parametersJson, string requestedBy, CancellationToken cancellationToken)
    {
        var bot = await LoadAsync(id, cancellationToken);
        Dictionary<string, object?> parameters;
        try
        {
            parameters = JsonSerializer.Deserialize<Dictionary<string, object?>>(string.IsNullOrWhiteSpace(parametersJson) ? "{}"
                : parametersJson) ?? [];
        }
        catch (JsonException ex)
        {
            throw new BusinessException("Robots:BadParameters", $"The parameters are not a JSON object: {ex.Message}");
        }
        var job = await jobs.EnqueueAsync(bot.Key, parameters, requestedBy, sourceKey: null, isTest: true,
            cancellationToken: cancellationToken);
        await audit.LogAsync("bot.test_run", true, $"bot {bot.Key}", $"job {job.Id}", cancellationToken);
        return job;
    }

    public async Task<Bot> CreateAsync(string key, string name, CancellationToken cancellationToken)
    {
        key = (key ?? string.Empty).Trim().ToLowerInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(key, "^[a-z][a-z0-9-]{1,59}$"))
            throw new BusinessException("Robots:BadKey", "A bot's key is 2 to 60 lower-case letters, digits and hyphens.");
        if (await db.Bots.AnyAsync(b => b.Key == key, cancellationToken))
            throw new BusinessException("Robots:KeyTaken", $"There is already a bot '{key}'.");
        var bot = new Bot(Guid.CreateVersion7(), key, name, null, new BotDefinition
        {
            AllowedHosts = ["example.com"],
            Steps = [new BotStep { Kind = BotStepKind.Goto, Target = "https://example.com/", Description = "Open the portal" }],
        }, clock.GetUtcNow());
        db.Bots.Add(bot);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("bot.created", true, $"bot {bot.Key}", null, cancellationToken);
        return bot;
    }

    public Task<List<BotJob>> GetQueueAsync(CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().Where(j => j.State == BotJobState.Queued || j.State == BotJobState.Running
            || j.State == BotJobState.NeedsPerson).OrderBy(j => j.DueAt).Take(200).ToListAsync(cancellationToken);

    public Task<BotJob?> FindJobAsync(Guid id, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);

    public async Task RetryJobAsync(Guid id, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken)
            ?? throw new BusinessException("Robots:NoSuchJob", "There is no such job.");
        job.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("bot.job_retried", true, $"bot {job.BotKey}", $"job {job.Id}", cancellationToken);
        services.GetRequiredService<BotWorkerPool>().Wake();
    }

    public async Task CancelJobAsync(Guid id, string by, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken)
            ?? throw new BusinessException("Robots:NoSuchJob", "There is no such job.");
        job.Cancel(by, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("bot.job_cancelled", true, $"bot {job.BotKey}", $"job {job.Id}", cancellationToken);
        if (job.TaskId is { } task) await activities.CloseTaskAsync(task, by, byAutomation: false, cancellationToken);
    }

    public async Task MarkDoneAsync(Guid id, string by, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken)
            ?? throw new BusinessException("Robots:NoSuchJob", "There is no such job.");
        job.DoneByPerson(by, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync("bot.job_done_by_person", true, $"bot {job.BotKey}", $"job {job.Id}", cancellationToken);
        if (job.TaskId is { } task) await activities.CloseTaskAsync(task, by, byAutomation: false, cancellationToken);
    }

    public Task<List<BotRun>> GetRunsAsync(Guid? botId, Guid? orderId, int take, CancellationToken cancellationToken) =>
        db.Runs.AsNoTracking().Where(r => (botId == null || r.BotId == botId) && (orderId == null || r.OrderId == orderId))
            .OrderByDescending(r => r.StartedAt).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);

    /// <summary>A job's attempts, the latest first.</summary>
    public Task<List<BotRun>> GetJobRunsAsync(Guid jobId, CancellationToken cancellationToken) =>
        db.Runs.AsNoTracking().Where(r => r.JobId == jobId).OrderByDescending(r => r.StartedAt).ToListAsync(cancellationToken);

    public Task<BotRun?> FindRunAsync(Guid id, CancellationToken cancellationToken) =>
        db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<BotScreenshot?> FindScreenshotAsync(Guid id, CancellationToken cancellationToken) =>
        db.Screenshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);

    private List<BotDefinitionProblem> Validate(BotDefinition definition) =>
        [.. BotDefinitionValidator.Validate(definition, services.GetServices<IBotHandler>().Select(h => h.Name).ToList())];

    private async Task<Bot> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Bots.Include(b => b.Versions).FirstOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new BusinessException("Robots:NoSuchBot", "There is no such bot.");
}
