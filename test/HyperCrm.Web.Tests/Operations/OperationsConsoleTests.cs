using System.Net;
using HyperCrm.Framework.Scheduling;
using HyperCrm.Operations.Alerts;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Operations;

/// <summary>
/// The operations console against the real app and sandbox: each action (retry, skip, pause, resume, run a job now) changes
/// what it says and nothing else; a paused consumer's and a paused connector's work waits and goes on after the resume;
/// an alert fires once and clears when its threshold no longer holds; only operators see and steer it.
/// </summary>
public sealed class OperationsConsoleTests(OperationsFixture app) : IClassFixture<OperationsFixture>
{
    private const string Consumer = OperationsFixture.TimelineConsumer;

    [Fact]
    public async Task A_Dead_Lettered_Event_Should_Be_Listed_Then_Retried_Into_Its_Consumer_Once()
    {
        using var admin = await app.SignInAsync();
        await app.FailConsumerAsync(Consumer);
        var since = DateTimeOffset.UtcNow;
        await app.PlaceOrderAsync("ops-dead-1", "ops.dead.one@example.com", "Мёртвое Письмо");
        var (schema, deadId) = await WaitForDeadLetterAsync(since);
        var eventId = (Guid)(await app.ScalarAsync($"SELECT event_id FROM {schema}.dead_letters WHERE id = '{deadId}'"))!;
        var list = await admin.GetStringAsync("/Operations/DeadLetters?source=event");
        list.ShouldContain($"{schema}:{deadId}");
        list.ShouldContain("TimelineEventHandler");
        var otherDeadLetters = await CountAllDeadLettersAsync();

        await app.HealConsumerAsync(Consumer);
        var retried = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Operations/DeadLetters?handler=Retry",
            new Dictionary<string, string> { ["itemSource"] = "event", ["itemId"] = $"{schema}:{deadId}" }, "/Operations/DeadLetters");

        retried.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Eventually.WaitForAsync(() => app.ScalarAsync(
                $"SELECT count(*) FROM customers.inbox_messages WHERE event_id = '{eventId}' AND consumer = '{Consumer}'"),
            n => (long)n! == 1);
        (await app.ScalarAsync($"SELECT count(*) FROM {schema}.dead_letters WHERE event_id = '{eventId}'")).ShouldBe(0L);
        (await CountAllDeadLettersAsync()).ShouldBe(otherDeadLetters - 1);
        (await app.ScalarAsync("SELECT count(*) FROM identity.security_audit_log WHERE action = 'operations.dead_letters_retried'"))
            .ShouldBe(1L);
        (await admin.GetStringAsync("/Operations/DeadLetters?source=event")).ShouldNotContain($"{schema}:{deadId}");
    }

    [Fact]
    public async Task Skipping_A_Dead_Letter_Should_Give_Up_Only_That_One()
    {
        using var admin = await app.SignInAsync();
        await app.FailConsumerAsync(Consumer);
        var since = DateTimeOffset.UtcNow;
        await app.PlaceOrderAsync("ops-skip-1", "ops.skip.one@example.com", "Пропуск Письма");
        var (schema, deadId) = await WaitForDeadLetterAsync(since);
        await app.HealConsumerAsync(Consumer);
        var eventId = (Guid)(await app.ScalarAsync($"SELECT event_id FROM {schema}.dead_letters WHERE id = '{deadId}'"))!;
        var before = await CountAllDeadLettersAsync();

        var skipped = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Operations/DeadLetters?handler=Skip",
            new Dictionary<string, string> { ["itemSource"] = "event", ["itemId"] = $"{schema}:{deadId}" }, "/Operations/DeadLetters");

        skipped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountAllDeadLettersAsync()).ShouldBe(before - 1);
        // Given up: its consumer never got it, and it is not queued again.
        (await app.ScalarAsync($"SELECT count(*) FROM customers.inbox_messages WHERE event_id = '{eventId}'")).ShouldBe(0L);
        (await app.ScalarAsync($"SELECT count(*) FROM {schema}.outbox_messages WHERE id = '{eventId}' AND processed_at IS NULL"))
            .ShouldBe(0L);
    }

    [Fact]
    public async Task A_Paused_Consumer_Should_Leave_Its_Events_Waiting_And_Drain_Them_After_Resume_And_Alert_Meanwhile()
    {
        using var admin = await app.SignInAsync();
        await SetPausedAsync(admin, "consumer", Consumer, paused: true);
        (await admin.GetStringAsync("/Operations/Pauses")).ShouldContain("data-testid=\"resume\"");
        var since = DateTimeOffset.UtcNow;
        var order = await app.PlaceOrderAsync("ops-pause-1", "ops.pause.one@example.com", "Пауза Обработчика");
        var orderId = order.GetProperty("id").GetGuid();

        // The order goes on (other consumers get its events); the timeline's events wait in the sales outbox.
        await Eventually.WaitForAsync(() => app.CountAsync("erp", "stock.reserve", orderId), n => n == 1, TimeSpan.FromSeconds(60));
        var waiting = await app.ScalarAsync($"""
            SELECT count(*) FROM sales.outbox_messages WHERE event_name = 'customers.timeline.entry' AND processed_at IS NULL
              AND occurred_at >= '{since:O}'
            """);
        ((long)waiting!).ShouldBeGreaterThan(0);

        // An alert on that backlog fires once, however often it is evaluated, and tells the operators.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Operations/Alerts?handler=Save", new Dictionary<string, string>
            {
                ["Form.Name"] = "Sales backlog", ["Form.Kind"] = "Backlog", ["Form.Target"] = "outbox.sales", ["Form.Threshold"] = "0",
                ["Form.ForMinutes"] = "0", ["Form.Email"] = "false",
            }, "/Operations/Alerts");
            var evaluator = scope.ServiceProvider.GetRequiredService<AlertEvaluator>();
            await evaluator.EvaluateAsync(CancellationToken.None);
            await evaluator.EvaluateAsync(CancellationToken.None);
        }
        (await app.ScalarAsync("SELECT count(*) FROM operations.alerts WHERE rule_name = 'Sales backlog'")).ShouldBe(1L);
        (await app.ScalarAsync("SELECT count(*) FROM operations.alerts WHERE rule_name = 'Sales backlog' AND resolved_at IS NULL"))
            .ShouldBe(1L);
        ((long)(await app.ScalarAsync("SELECT count(*) FROM activities.notifications WHERE title::text LIKE '%Sales backlog%'"))!)
            .ShouldBeGreaterThan(0);
        (await admin.GetStringAsync("/Operations/Alerts")).ShouldContain("data-state=\"firing\"");
        var health = await (await app.CreateClient().GetAsync("/health/ready")).Content.ReadAsStringAsync();
        health.ShouldContain("\"degraded\"");

        await SetPausedAsync(admin, "consumer", Consumer, paused: false);

        await Eventually.WaitForAsync(() => app.ScalarAsync($"""
            SELECT count(*) FROM sales.outbox_messages WHERE event_name = 'customers.timeline.entry' AND processed_at IS NULL
              AND occurred_at >= '{since:O}'
            """), n => (long)n! == 0, TimeSpan.FromSeconds(60));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync(CancellationToken.None);
        (await app.ScalarAsync("SELECT count(*) FROM operations.alerts WHERE rule_name = 'Sales backlog' AND resolved_at IS NOT NULL"))
            .ShouldBe(1L);
        (await app.ScalarAsync("SELECT count(*) FROM operations.alerts WHERE rule_name = 'Sales backlog'")).ShouldBe(1L);
        // Each timeline event reached its consumer once.
        (await app.ScalarAsync($"""
            SELECT count(*) FROM (SELECT event_id FROM customers.inbox_messages WHERE consumer = '{Consumer}'
              GROUP BY event_id HAVING count(*) > 1) d
            """)).ShouldBe(0L);
    }

    [Fact]
    public async Task A_Paused_Connector_Should_Hold_Its_Steps_And_Let_Them_Go_On_After_Resume()
    {
        using var admin = await app.SignInAsync();
        await SetPausedAsync(admin, "connector", "erp", paused: true);
        var order = await app.PlaceOrderAsync("ops-erp-pause", "ops.erp.pause@example.com", "Пауза Коннектора", "SKU-007");
        var orderId = order.GetProperty("id").GetGuid();

        await Eventually.WaitForAsync(() => app.ScalarAsync(
                $"SELECT count(*) FROM automation.run_steps s JOIN automation.runs r ON r.id = s.run_id " +
                $"WHERE r.subject_id = '{orderId}' AND s.kind = 'paused'"),
            n => (long)n! > 0, TimeSpan.FromSeconds(60));
        (await app.CountAsync("erp", "stock.reserve", orderId)).ShouldBe(0);
        (await app.ScalarAsync($"SELECT count(*) FROM automation.runs WHERE subject_id = '{orderId}' AND state = 'DeadLettered'"))
            .ShouldBe(0L);

        await SetPausedAsync(admin, "connector", "erp", paused: false);

        await Eventually.WaitForAsync(() => app.CountAsync("erp", "stock.reserve", orderId), n => n == 1, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Jobs_Should_Pause_Resume_And_Run_Now()
    {
        using var admin = await app.SignInAsync();
        var key = AlertEvaluationJob.Key;
        (await admin.GetStringAsync("/Operations/Jobs")).ShouldContain($"job-{key.Group}.{key.Name}");
        var scheduler = app.Services.GetRequiredService<SchedulerStarter>().Scheduler!;
        var trigger = (await scheduler.GetTriggersOfJob(key)).Single().Key;

        await JobAsync(admin, "Pause");
        (await scheduler.GetTriggerState(trigger)).ShouldBe(TriggerState.Paused);
        (await admin.GetStringAsync("/Operations/Jobs")).ShouldContain("data-testid=\"resume\"");

        await JobAsync(admin, "Resume");
        (await scheduler.GetTriggerState(trigger)).ShouldNotBe(TriggerState.Paused);

        var before = (long)((await app.ScalarAsync(
            $"SELECT coalesce(max(executions), 0) FROM operations.job_outcomes WHERE job_name = '{key.Name}'")) ?? 0L);
        await JobAsync(admin, "Trigger");
        await Eventually.WaitForAsync(() => app.ScalarAsync(
            $"SELECT coalesce(max(executions), 0) FROM operations.job_outcomes WHERE job_name = '{key.Name}'"), n => (long)n! > before);
    }

    [Fact]
    public async Task The_Console_Should_Show_Every_Queue_Connector_And_This_Instance()
    {
        using var admin = await app.SignInAsync();

        var overview = await admin.GetStringAsync("/Operations?handler=Overview");

        overview.ShouldContain("data-testid=\"reading-outbox.sales\"");
        overview.ShouldContain("data-testid=\"reading-automation.runs.dead_lettered\"");
        overview.ShouldContain("data-testid=\"reading-robots.jobs.queued\"");
        overview.ShouldContain("data-testid=\"reading-integrations.webhooks.pending\"");
        overview.ShouldContain("data-testid=\"connector-erp\"");
        overview.ShouldContain("/Operations/Events?module=sales");
        await Eventually.WaitForAsync(() => admin.GetStringAsync("/Operations?handler=Overview"),
            body => body.Contains("data-testid=\"instance-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_Operators_Should_See_Or_Steer_The_Console()
    {
        using var sales = await app.SignInAsStaffAsync("ops.sales@example.com", "sales");

        (await sales.GetAsync("/Operations")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await sales.GetAsync("/Operations/DeadLetters")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        // A well-formed post (a real antiforgery token from a page they may see) is refused all the same.
        var post = await HyperCrmWebApplicationFactory.PostFormAsync(sales, "/Operations/Pauses?handler=Pause",
            new Dictionary<string, string> { ["kind"] = "connector", ["key"] = "erp" }, "/");
        post.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await app.ScalarAsync("SELECT count(*) FROM platform.paused_work WHERE key = 'erp'")).ShouldBe(0L);
    }

    private async Task SetPausedAsync(HttpClient admin, string kind, string key, bool paused)
    {
        var handler = paused ? "Pause" : "Resume";
        var response = await HyperCrmWebApplicationFactory.PostFormAsync(admin, $"/Operations/Pauses?handler={handler}",
            new Dictionary<string, string> { ["kind"] = kind, ["key"] = key }, "/Operations/Pauses");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private static async Task JobAsync(HttpClient admin, string handler)
    {
        var key = AlertEvaluationJob.Key;
        var response = await HyperCrmWebApplicationFactory.PostFormAsync(admin,
            $"/Operations/Jobs?handler={handler}&group={key.Group}&name={key.Name}", new Dictionary<string, string>(), "/Operations/Jobs");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>The timeline consumer's dead letter since then: in the schema of the outbox that carried the event.</summary>
    private async Task<(string Schema, Guid Id)> WaitForDeadLetterAsync(DateTimeOffset since)
    {
        var found = (string)(await Eventually.WaitForAsync(() => app.ScalarAsync($"""
            SELECT schema || ':' || id FROM (
              SELECT 'sales' AS schema, id, dead_lettered_at FROM sales.dead_letters WHERE consumer = '{Consumer}'
              UNION ALL SELECT 'customers', id, dead_lettered_at FROM customers.dead_letters WHERE consumer = '{Consumer}') d
            WHERE dead_lettered_at >= '{since:O}' ORDER BY dead_lettered_at LIMIT 1
            """), id => id is string, TimeSpan.FromSeconds(60)))!;
        return (found.Split(':')[0], Guid.Parse(found.Split(':')[1]));
    }

    private async Task<long> CountAllDeadLettersAsync() => (long)(await app.ScalarAsync("""
        SELECT (SELECT count(*) FROM customers.dead_letters) + (SELECT count(*) FROM sales.dead_letters)
             + (SELECT count(*) FROM automation.dead_letters) + (SELECT count(*) FROM integrations.dead_letters)
        """))!;
}
