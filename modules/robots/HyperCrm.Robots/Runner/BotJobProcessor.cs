using System.Text.Json;
using HyperCrm.Activities;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Diagnostics;
using HyperCrm.Framework.Localization;
using HyperCrm.Identity.Audit;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// Runs one claimed job in a fresh browser context of the worker's browser: the bot's live version (a test run: its draft),
/// its credentials unprotected here and nowhere else, every request fenced by the <see cref="BotHostGuard"/>, the lease
/// renewed while it works. Then the attempt ends: done (whoever waits goes on), again later (a failure retrying may fix), or
/// a person's task with the screenshots (one it cannot, or the last attempt). Every attempt is audited.
/// </summary>
public sealed class BotJobProcessor(IServiceScopeFactory scopes, IOptions<RobotsOptions> options, TimeProvider clock,
    IConfiguration configuration, IServiceProvider services, ILogger<BotJobProcessor> logger)
{
    public const string ProtectorPurpose = "HyperCrm.Robots.BotPassword";

    public async Task ProcessAsync(Guid jobId, string owner, IBrowser browser, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RobotsDbContext>();
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || !job.IsHeldBy(owner)) return;
        var bot = await db.Bots.Include(b => b.Versions).FirstAsync(b => b.Id == job.BotId, cancellationToken);
        var now = clock.GetUtcNow();
        // An attempt whose worker went away (its lease ran out) is over.
        var gones = await db.Runs.Where(r => r.JobId == job.Id && r.Outcome == BotRunOutcome.Running).ToListAsync(cancellationToken);
        foreach (var gone in gones)
            gone.End(BotRunOutcome.Abandoned, "Its worker stopped before the bot finished (the lease ran out).", now);
        var (version, json) = job.IsTest ? (0, bot.Draft) : (bot.LiveVersion, bot.Live?.Definition ?? bot.Draft);
        var run = new BotRun(Guid.CreateVersion7(), job.Id, bot.Id, bot.Key, version, job.Attempts, owner, job.IsTest, job.OrderId, now);
        db.Runs.Add(run);
        job.Started(run.Id);
        await db.SaveChangesAsync(cancellationToken);
        if (job.Attempts > options.Value.MaxAttempts)
        {
            var crashed = new BotStepException($"The bot's worker stopped {job.Attempts - 1} times before it finished.", retryable: false,
                "start the bot");
            await EndAsync(db, job, run, owner, crashed, cancellationToken);
            return;
        }
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewAsync(job.Id, owner, lost, cancellationToken);
        BotStepException? failure = null;
        BotVariables? variables = null;
        try
        {
            var definition = BotDefinition.FromJson(json);
            variables = Variables(job, bot, definition);
            await PlayAsync(browser, definition, variables, run, lost.Token);
        }
        catch (BotStepException f)
        {
            failure = f;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !lost.IsCancellationRequested
            && ex is PlaywrightException or TimeoutException or JsonException or InvalidOperationException
                or System.Security.Cryptography.CryptographicException)
        {
            failure = new BotStepException(ex.Message.Split('\n', 2)[0], retryable: ex is PlaywrightException or TimeoutException,
                "run the bot");
        }
        finally
        {
            await lost.CancelAsync();
            await renewing;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (failure is null) await SucceedAsync(db, job, run, owner, variables!, cancellationToken);
        else await EndAsync(db, job, run, owner, failure, cancellationToken);
    }

    private async Task PlayAsync(IBrowser browser, BotDefinition definition, BotVariables variables, BotRun run,
        CancellationToken cancellationToken)
    {
        var sandbox = BotSandbox.IsAvailable(options.Value, configuration)
                      && Uri.TryCreate(BotSandbox.BaseUrl(options.Value, services), UriKind.Absolute, out var at)
            ? $"{at.Host}:{at.Port}" : null;
        var guard = new BotHostGuard(definition.AllowedHosts, sandbox, options.Value.PrivateHosts);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = "en-US", AcceptDownloads = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        string? refused = null;
        await context.RouteAsync("**/*", async route =>
        {
            if (await guard.CheckAsync(route.Request.Url, CancellationToken.None) is { } why)
            {
                refused ??= why;
                await route.AbortAsync("blockedbyclient");
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        var page = await context.NewPageAsync();
        var recorder = new BotRecorder(scopes, options.Value, clock, run);
        if (definition.Handler is { Length: > 0 } name)
        {
            var handler = services.GetServices<IBotHandler>().FirstOrDefault(h => h.Name == name)
                ?? throw new BotStepException($"No C# bot named '{name}' is installed.", retryable: false, "start the bot");
            await handler.RunAsync(page, variables, recorder, cancellationToken);
            if (refused is not null) throw new BotStepException($"Refused: {refused}", retryable: false, "open a page");
            return;
        }
        await new BotScript(definition, variables, recorder, () => refused).RunAsync(page, cancellationToken);
    }

    private BotVariables Variables(BotJob job, Bot bot, BotDefinition definition)
    {
        var given = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(job.Parameters) ?? [];
        // A default may name the simulators ({{sandbox.url}}), the only placeholder a default can use.
        var sandbox = BotSandbox.BaseUrl(options.Value, services);
        var values = definition.Parameters.Where(p => p.Default is not null).ToDictionary(p => p.Name,
            p => JsonSerializer.SerializeToElement(BotTemplate.Render(p.Default, n => n == BotVariables.SandboxUrl ? sandbox : null)),
            StringComparer.Ordinal);
        foreach (var (name, value) in given) values[name] = value;
        var password = bot.ProtectedPassword is { } stored
            ? services.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectorPurpose).Unprotect(stored)
            : null;
        return new BotVariables(values, bot.UserName, password);
    }

    /// <summary>Renews the lease every third of its length; a renewal refused (another worker holds the job) stops the bot.</summary>
    private async Task RenewAsync(Guid jobId, string owner, CancellationTokenSource lost, CancellationToken stopping)
    {
        var lease = options.Value.LeaseDuration;
        try
        {
            while (!lost.IsCancellationRequested)
            {
                await Task.Delay(lease / 3, lost.Token);
                await using var scope = scopes.CreateAsyncScope();
                var queue = scope.ServiceProvider.GetRequiredService<BotJobQueue>();
                if (!await queue.RenewAsync(jobId, owner, lease, stopping))
                {
                    logger.LogWarning("Bot job {Job}: the lease went to another worker; this attempt stops", jobId);
                    await lost.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The bot finished (or the app is stopping).
        }
        catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or TimeoutException)
        {
            // The database blinked: the lease is longer than one renewal period, the next one tries again.
            logger.LogWarning("Bot job {Job}: renewing the lease failed: {Error}", jobId, ex.Message);
            if (!lost.IsCancellationRequested) await RenewAsync(jobId, owner, lost, stopping);
        }
    }

    private async Task SucceedAsync(RobotsDbContext db, BotJob job, BotRun run, string owner, BotVariables variables,
        CancellationToken cancellationToken)
    {
        await db.Entry(job).ReloadAsync(cancellationToken);
        if (!job.IsHeldBy(owner)) return;
        var now = clock.GetUtcNow();
        job.Succeeded(owner, BotOutputs.Serialize(variables.Outputs), run.StartedAt, now);
        run.End(BotRunOutcome.Succeeded, null, now);
        await db.SaveChangesAsync(cancellationToken);
        RecordRun(job, "succeeded", run.StartedAt, now);
        await AuditAsync(job, run, succeeded: true, job.OutputsText(), cancellationToken);
        // A person retried the bot from its task: the bot did it, so the task is done too.
        if (job.TaskId is { } task)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IActivitiesIntegrationService>().CloseTaskAsync(task, job.BotName,
                byAutomation: true, cancellationToken);
        }
    }

    private static void RecordRun(BotJob job, string outcome, DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        var bot = new KeyValuePair<string, object?>("bot", job.BotName);
        HyperTelemetry.BotRuns.Add(1, bot, new KeyValuePair<string, object?>("outcome", outcome));
        HyperTelemetry.BotRunDuration.Record(Math.Max(0, (endedAt - startedAt).TotalSeconds), bot);
    }

    private async Task EndAsync(RobotsDbContext db, BotJob job, BotRun run, string owner, BotStepException failure,
        CancellationToken cancellationToken)
    {
        await db.Entry(job).ReloadAsync(cancellationToken);
        if (!job.IsHeldBy(owner)) return;
        var now = clock.GetUtcNow();
        var error = failure.Doing is { Length: > 0 } doing ? $"{failure.Message} (while: {doing})" : failure.Message;
        if (failure.Retryable && job.Attempts < options.Value.MaxAttempts)
        {
            var delay = options.Value.RetryDelay * Math.Pow(2, job.Attempts - 1);
            job.FailedForNow(owner, error, now + delay, now);
            run.End(BotRunOutcome.Retrying, error, now);
            await db.SaveChangesAsync(cancellationToken);
            RecordRun(job, "retrying", run.StartedAt, now);
        }
        else
        {
            // The task first (once per run, by its source key), so the job never waits for a person nobody was told of.
            if (!job.IsTest) job.TaskOpened(await OpenTaskAsync(job, run, failure, cancellationToken));
            job.NeedsAPerson(owner, error, now);
            run.End(BotRunOutcome.Failed, error, now);
            await db.SaveChangesAsync(cancellationToken);
            RecordRun(job, "failed", run.StartedAt, now);
        }
        await AuditAsync(job, run, succeeded: false, error, cancellationToken);
    }

    /// <summary>The person's task: what the bot was doing, why it stopped, where the screenshots are, and what to do.</summary>
    private async Task<Guid> OpenTaskAsync(BotJob job, BotRun run, BotStepException failure, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Worded in the installation's language, like the rules' tasks.
        using var language = InstallationCulture.Use(InstallationCulture.Of(configuration));
        var l = scope.ServiceProvider.GetRequiredService<IStringLocalizer<RobotsResource>>();
        var activities = scope.ServiceProvider.GetRequiredService<IActivitiesIntegrationService>();
        // The customer's manager gets it (else it is nobody's yet, and whoever manages all tasks sees it).
        var owner = job.CustomerId is { } customerId ? (await scope.ServiceProvider.GetRequiredService<ICustomerIntegrationService>()
            .FindAsync(customerId, cancellationToken))?.OwnerId : null;
        var description = l["Task:BotFailedDescription", job.BotName, failure.Doing ?? "-", failure.Message,
            $"/Robots/Runs/Details?id={run.Id}", Parameters(job)].Value;
        return await activities.CreateTaskAsync(new CreateWorkTaskDto
        {
            Title = l["Task:BotFailedTitle", job.BotName, job.OrderNumber ?? "-"].Value,
            Description = description.Length > 2000 ? description[..2000] : description,
            Priority = WorkTaskPriority.High,
            DueDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            AssigneeId = owner,
            LinkKind = job.OrderId is null ? LinkKind.None : LinkKind.Order,
            LinkId = job.OrderId,
            CustomerId = job.CustomerId,
            SourceKey = $"bot-run:{run.Id:N}",
        }, job.BotName, byRule: true, cancellationToken);
    }

    /// <summary>The job's parameters for the person (what to do by hand): "lines: OOS-001 × 10".</summary>
    private static string Parameters(BotJob job)
    {
        using var document = JsonDocument.Parse(job.Parameters);
        return string.Join("; ", document.RootElement.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array
            ? $"{p.Name}: {string.Join(", ", p.Value.EnumerateArray().Select(Item))}"
            : $"{p.Name}: {p.Value}"));
    }

    private static string Item(JsonElement item) => item.ValueKind == JsonValueKind.Object
        ? string.Join(" × ", item.EnumerateObject().Select(f => f.Value.ToString()))
        : item.ToString();

    private async Task AuditAsync(BotJob job, BotRun run, bool succeeded, string details, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISecurityAuditLogger>().LogAsync("bot.run", succeeded,
            $"bot {job.BotKey}{(job.OrderNumber is null ? "" : $", order #{job.OrderNumber}")}",
            $"job {job.Id}, run {run.Id}, version {run.Version}, attempt {run.Attempt}, {run.Outcome}: {details}", cancellationToken);
    }
}
