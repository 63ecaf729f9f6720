using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Domain.Jobs;
using HyperCrm.Robots.Runner;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using HyperCrm.Web.Tests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Robots;

/// <summary>
/// The robots against the sandbox's supplier portal in real Chromium: exactly one purchase order however often a bot is
/// retried, a person's task with screenshots when the portal changes or refuses the sign-in, a pool that grows with the queue
/// and shrinks when idle, paused bots whose jobs wait, and hosts a bot may not open.
/// </summary>
public sealed partial class RobotTests(RobotsFixture app) : IClassFixture<RobotsFixture>
{
    private static Dictionary<string, object?> Purchase(string reference, string sku, int quantity) => new()
    {
        ["order_number"] = reference, ["reference"] = reference,
        ["lines"] = new[] { new Dictionary<string, object?> { ["sku"] = sku, ["quantity"] = quantity } },
    };

    [Fact]
    public async Task A_Bot_Taken_Up_Again_After_Its_Worker_Died_Past_Submit_Should_Leave_One_Purchase_Order()
    {
        var bot = await app.BotAsync(SupplierBot.Key);
        await app.SetPausedAsync(bot.Id, true);
        BotJob job;
        string placed;
        try
        {
            job = await app.EnqueueAsync(SupplierBot.Key, Purchase("KILL-1", "OOS-004", 3), "test:killed-after-submit");
            // The first attempt got as far as submitting the purchase order, then its instance died holding the job.
            placed = await SubmitByHandAsync("OOS-004", 3, "KILL-1-OOS-004");
            await app.ExecuteSqlAsync($"UPDATE robots.bot_jobs SET state = 'Running', attempts = 1, lease_owner = 'dead-host:1:x/w1', " +
                $"lease_until = now() - interval '1 second' WHERE id = '{job.Id}'");
        }
        finally
        {
            await app.SetPausedAsync(bot.Id, false);
        }

        var done = await app.WaitForJobAsync(job.Id, j => j.IsOver || j.State == BotJobState.NeedsPerson);
        done.State.ShouldBe(BotJobState.Succeeded, done.LastError);
        done.Attempts.ShouldBe(2);
        BotOutputs.Parse(done.Outputs)["po_number"].ShouldBe([placed]);
        (await PurchaseOrdersAsync("KILL-1-OOS-004")).ShouldBe(1);
        var run = await RunOfAsync(job.Id);
        run.Steps.Where(s => s.Outcome == BotRunStep.Skipped).Select(s => s.Kind).ShouldContain("click");
        run.Steps.ShouldNotContain(s => s.Value != null && s.Value.Contains("supplier-demo"));
    }

    [Fact]
    public async Task A_Changed_Page_Should_Give_A_Person_A_Task_With_Screenshots_And_A_Retry_Should_Ship_The_Order()
    {
        await app.SupplierModeAsync(page: "changed");
        Guid orderId;
        BotJob failed;
        try
        {
            orderId = await PlaceOrderAsync("bot-changed-1", "OOS-005", 2);
            failed = await Eventually.WaitForAsync(() => JobOfAsync(orderId), j => j?.State == BotJobState.NeedsPerson,
                RobotsFixture.Timeout) ?? throw new InvalidOperationException("No bot job for the order.");
        }
        finally
        {
            await app.SupplierModeAsync(page: "normal");
        }
        failed.State.ShouldBe(BotJobState.NeedsPerson);
        failed.Attempts.ShouldBe(1);
        failed.LastError.ShouldNotBeNull().ShouldContain("#quantity");
        failed.TaskId.ShouldNotBeNull();
        var run = await RunOfAsync(failed.Id);
        run.Outcome.ShouldBe(BotRunOutcome.Failed);
        var failure = run.Steps.Single(s => s.Outcome == BotRunStep.Failed);
        failure.ScreenshotId.ShouldNotBeNull();
        var size = await app.ScalarAsync($"SELECT length(image) FROM robots.bot_screenshots WHERE id = '{failure.ScreenshotId}'");
        size.ShouldBeOfType<int>().ShouldBeGreaterThan(1000);
        var task = await app.ScalarAsync($"SELECT description FROM activities.tasks WHERE id = '{failed.TaskId}'") as string;
        task.ShouldNotBeNull().ShouldContain($"/Robots/Runs/Details?id={run.Id}");
        task.ShouldContain("OOS-005");
        (await OrderAsync(orderId)).Status.ShouldBe(OrderStatus.AwaitingStock);

        // The portal is back to normal; a person retries the bot, and the order goes on by itself.
        await app.WithAsync(async sp =>
        {
            await sp.GetRequiredService<BotAppService>().RetryJobAsync(failed.Id, CancellationToken.None);
            return true;
        });
        var order = await Eventually.WaitForAsync(() => OrderAsync(orderId), o => o.Status is OrderStatus.Shipped or OrderStatus.Delivered
            or OrderStatus.Completed, RobotsFixture.Timeout);
        order.Status.ShouldBeOneOf(OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed);
        (await PurchaseOrdersAsync($"HC-{order.Number}-OOS-005")).ShouldBe(1);
        // The bot did it after all: the person's task is closed for them.
        (await Eventually.WaitForAsync(() => app.ScalarAsync($"SELECT status FROM activities.tasks WHERE id = '{failed.TaskId}'"),
            s => s as string == "Done", RobotsFixture.Timeout)).ShouldBe("Done");
    }

    [Fact]
    public async Task A_Refused_Sign_In_Marked_Done_By_A_Person_Should_Let_The_Rule_Go_On()
    {
        await app.SupplierModeAsync(signIn: "refuse");
        Guid orderId;
        BotJob failed;
        try
        {
            orderId = await PlaceOrderAsync("bot-refused-1", "OOS-006", 1);
            failed = await Eventually.WaitForAsync(() => JobOfAsync(orderId), j => j?.State == BotJobState.NeedsPerson,
                RobotsFixture.Timeout) ?? throw new InvalidOperationException("No bot job for the order.");
        }
        finally
        {
            await app.SupplierModeAsync(signIn: "accept");
        }
        failed.LastError.ShouldNotBeNull().ShouldContain("locked");

        using var admin = await app.SignInAsync();
        var completed = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Work?handler=Complete",
            new Dictionary<string, string> { ["id"] = failed.TaskId!.Value.ToString() }, "/Work");
        completed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WaitForJobAsync(failed.Id, j => j.State == BotJobState.DoneByPerson)).State.ShouldBe(BotJobState.DoneByPerson);
        // The fulfilment run that waited for the bot ends its step with the person's work and completes.
        var state = await Eventually.WaitForAsync(() => app.ScalarAsync(
            $"SELECT r.state FROM automation.runs r JOIN automation.rules u ON u.id = r.rule_id WHERE r.subject_id = '{orderId}' " +
            "AND u.playbook_key = 'fulfil-orders'"),
            s => s as string == "Completed", RobotsFixture.Timeout);
        state.ShouldBe("Completed");
    }

    [Fact]
    public async Task Orders_Waiting_For_The_Same_Goods_Should_Share_One_Purchase_Order_And_Both_Ship()
    {
        var bot = await app.BotAsync(SupplierBot.Key);
        await app.SetPausedAsync(bot.Id, true);
        Guid first, second;
        try
        {
            // The bot is busy elsewhere (paused here), so both orders' requests meet in the queue.
            first = await PlaceOrderAsync("bot-share-1", "OOS-007", 2);
            second = await PlaceOrderAsync("bot-share-2", "OOS-007", 3);
            await Eventually.WaitForAsync(() => app.WithAsync(sp => sp.GetRequiredService<RobotsDbContext>().Jobs
                .CountAsync(j => j.OrderId == first || j.OrderId == second)), n => n == 2, RobotsFixture.Timeout);
        }
        finally
        {
            await app.SetPausedAsync(bot.Id, false);
        }
        var jobs = await app.WithAsync(sp => sp.GetRequiredService<RobotsDbContext>().Jobs.AsNoTracking()
            .Where(j => j.OrderId == first || j.OrderId == second).ToListAsync());
        var worker = jobs.Single(j => j.ShareOf is null);
        jobs.Single(j => j.ShareOf is not null).State.ShouldBe(BotJobState.Shared);
        JsonNode.Parse(worker.Parameters)!["lines"]![0]!["quantity"]!.GetValue<int>().ShouldBe(5);

        var shipped = await Task.WhenAll(new[] { first, second }.Select(id => Eventually.WaitForAsync(() => OrderAsync(id),
            o => o.Status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Completed, RobotsFixture.Timeout)));
        shipped.ShouldAllBe(o => o.Status == OrderStatus.Shipped || o.Status == OrderStatus.Delivered || o.Status == OrderStatus.Completed);
        var purchases = (await app.LedgerAsync("supplier")).Where(e => e!["operation"]!.GetValue<string>() == "purchase_order.create"
            && e["payload"]?.ToJsonString().Contains("OOS-007", StringComparison.Ordinal) == true).ToList();
        purchases.Count.ShouldBe(1);
        purchases[0]!["payload"]!.ToJsonString().ShouldContain("5");
    }

    [Fact]
    public async Task The_Pool_Should_Grow_With_A_Queue_Of_Twenty_And_Shrink_When_Idle()
    {
        var bot = await app.TestBotAsync("pool-test");
        var pool = app.Services.GetRequiredService<BotWorkerPool>();
        await Eventually.WaitForAsync(() => Task.FromResult(pool.Workers.Count), n => n == 0, RobotsFixture.Timeout);
        await app.SetPausedAsync(bot.Id, true);
        var jobs = new List<Guid>();
        for (var i = 0; i < 20; i++) jobs.Add((await app.EnqueueAsync("pool-test", new Dictionary<string, object?>())).Id);
        var most = 0;
        await app.SetPausedAsync(bot.Id, false);
        await Eventually.WaitForAsync(async () =>
        {
            most = Math.Max(most, pool.Workers.Count);
            return await app.WithAsync(sp => sp.GetRequiredService<RobotsDbContext>().Jobs
                .CountAsync(j => jobs.Contains(j.Id) && j.State == BotJobState.Succeeded));
        }, n => n == jobs.Count, RobotsFixture.Timeout, TimeSpan.FromMilliseconds(20));
        most.ShouldBe(4);
        (await Eventually.WaitForAsync(() => Task.FromResult(pool.Workers.Count), n => n == 0, RobotsFixture.Timeout)).ShouldBe(0);
    }

    [Fact]
    public async Task A_Paused_Bots_Jobs_Should_Wait_And_Run_On_Resume()
    {
        var paused = await app.TestBotAsync("paused-test");
        var other = await app.TestBotAsync("unpaused-test");
        await app.SetPausedAsync(paused.Id, true);
        var waiting = await app.EnqueueAsync("paused-test", new Dictionary<string, object?>());
        var later = await app.EnqueueAsync("unpaused-test", new Dictionary<string, object?>());
        // A job queued after it, of a bot that works, is done while the paused bot's job stays queued.
        (await app.WaitForJobAsync(later.Id, j => j.IsOver)).State.ShouldBe(BotJobState.Succeeded);
        (await app.JobAsync(waiting.Id)).State.ShouldBe(BotJobState.Queued);
        await app.SetPausedAsync(paused.Id, false);
        (await app.WaitForJobAsync(waiting.Id, j => j.IsOver)).State.ShouldBe(BotJobState.Succeeded);
        _ = other;
    }

    [Fact]
    public async Task Navigation_Outside_The_Allowed_Hosts_Should_Be_Refused()
    {
        await app.TestBotAsync("fenced-test",
            new BotStep { Kind = BotStepKind.Goto, Target = "{{portal}}/" },
            new BotStep { Kind = BotStepKind.Extract, Target = "h1", Variable = "title" },
            new BotStep { Kind = BotStepKind.Goto, Target = "http://169.254.169.254/latest/meta-data/", Description = "Leave the fence" });
        var job = await app.EnqueueAsync("fenced-test", new Dictionary<string, object?>());
        var done = await app.WaitForJobAsync(job.Id, j => j.State == BotJobState.NeedsPerson || j.IsOver);
        done.State.ShouldBe(BotJobState.NeedsPerson);
        done.Attempts.ShouldBe(1);
        done.LastError.ShouldNotBeNull().ShouldContain("not among the hosts");
        done.LastError.ShouldContain("Leave the fence");
    }

    private async Task<Guid> PlaceOrderAsync(string externalId, string sku, int quantity)
    {
        using var http = app.Http();
        var response = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", SandboxFixture.OrderBody(externalId,
            $"{externalId}@example.com", sku, quantity), SandboxFixture.ShopSecret));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private Task<BotJob?> JobOfAsync(Guid orderId) => app.WithAsync(sp => sp.GetRequiredService<RobotsDbContext>().Jobs.AsNoTracking()
        .FirstOrDefaultAsync(j => j.OrderId == orderId));

    private Task<BotRun> RunOfAsync(Guid jobId) => app.WithAsync(sp => sp.GetRequiredService<RobotsDbContext>().Runs.AsNoTracking()
        .SingleAsync(r => r.JobId == jobId));

    private Task<OrderDto> OrderAsync(Guid orderId) => app.WithAsync(async sp =>
        (await sp.GetRequiredService<IOrderIntegrationService>().FindAsync(orderId))!);

    private async Task<int> PurchaseOrdersAsync(string reference) =>
        (await app.LedgerAsync("supplier")).Count(e => e!["operation"]!.GetValue<string>() == "purchase_order.create"
            && e["reference"]?.GetValue<string>() == reference);

    /// <summary>Places a purchase order on the portal as the bot's first attempt did, and answers its number.</summary>
    private async Task<string> SubmitByHandAsync(string sku, int quantity, string reference)
    {
        using var portal = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        (await portal.PostAsync("/sandbox/supplier/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "buyer", ["password"] = "supplier-demo",
        }))).EnsureSuccessStatusCode();
        var form = await portal.GetStringAsync($"/sandbox/supplier/order?sku={sku}");
        var confirmation = await (await portal.PostAsync("/sandbox/supplier/order", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["form_token"] = FormToken().Match(form).Groups[1].Value, ["sku"] = sku,
            ["quantity"] = quantity.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reference"] = reference,
        }))).Content.ReadAsStringAsync();
        return PoNumber().Match(confirmation).Groups[1].Value;
    }

    [GeneratedRegex("id=\"po-number\">([^<]+)<")]
    private static partial Regex PoNumber();

    [GeneratedRegex("name=\"form_token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();
}
