using System.Collections.Concurrent;
using HyperCrm.Activities;
using HyperCrm.Activities.Data;
using HyperCrm.Automation;
using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Rules;
using HyperCrm.Customers;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Modularity;
using HyperCrm.Sales;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Application.Tests.Automation;

/// <summary>The engine with the modules it automates, as the app hosts them (no web server).</summary>
[DependsOn(typeof(AutomationModule), typeof(ActivitiesModule), typeof(SalesModule), typeof(CustomersModule))]
public sealed class AutomationTestModule : HyperModule;

/// <summary>A test action with a side effect it records by idempotency key, failing while told to (the "ERP is down").</summary>
public sealed class FlakyAction : IAutomationAction
{
    public static readonly ConcurrentDictionary<string, int> Effects = new();
    public static readonly ConcurrentDictionary<string, int> Calls = new();

    /// <summary>The "what" values whose calls fail, as if that remote system were down.</summary>
    public static readonly ConcurrentDictionary<string, bool> Down = new();

    public ActionDescriptor Descriptor { get; } = new("test.flaky", "test", "records an effect once per key; fails while told to",
        HasSideEffects: true,
        [new("what", FieldType.Text, false, "a note")]);

    public Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        Calls.AddOrUpdate(context.IdempotencyKey, 1, (_, n) => n + 1);
        if (Down.ContainsKey(context.Text("what") ?? string.Empty)) throw new HttpRequestException("the remote system is down");
        Effects.TryAdd(context.IdempotencyKey, 1);
        return Task.FromResult(ActionResult.Done(HyperCrm.Framework.Localization.Message.Verbatim("done " + context.Text("what"))));
    }
}

public sealed class AutomationHostFixture : PostgresDatabaseFixture
{
    public ModuleTestHost Host { get; private set; } = null!;

    public static readonly Dictionary<string, string?> Settings = new() { ["Automation:PollInterval"] = "00:00:00.200",
        ["Automation:RecordSkippedRuns"] = "true", ["Automation:MaxAttempts"] = "5" };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host = await StartAsync(ConnectionString, workerEnabled: true);
    }

    public static Task<ModuleTestHost> StartAsync(string connectionString, bool workerEnabled) =>
        ModuleTestHost.StartAsync<AutomationTestModule>(connectionString,
            new Dictionary<string, string?>(Settings) { ["Automation:WorkerEnabled"] = workerEnabled.ToString() },
            services => services.AddAutomationAction<FlakyAction>());

    public override async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class AutomationEngineTests(AutomationHostFixture fixture) : IClassFixture<AutomationHostFixture>
{
    private ModuleTestHost Host => fixture.Host;

    [Fact]
    public async Task A_Published_Rule_Should_Run_On_The_Event_And_Explain_Every_Step()
    {
        var rule = await PublishAsync("Big orders get a call", new RuleDefinitionDto
        {
            Trigger = "sales.order.created",
            Condition = "order.total > 50000 and order.currency == 'RUB'",
            Steps =
            [
                new StepDto { Id = "log", Kind = StepKind.Action, Action = "automation.log",
                    Parameters = new Dictionary<string, string> { ["message"] = "big order #{{order.number}}" } },
                new StepDto
                {
                    Id = "task", Kind = StepKind.Action, Action = "activities.create_task", Label = "a call for the manager",
                    Parameters = new Dictionary<string, string> { ["title"] = "Call about order #{{order.number}} ({{order.total}})",
                        ["priority"] = "high" },
                },
            ],
        });

        var big = await OrderAsync("big@engine.test", 60000m);
        var small = await OrderAsync("small@engine.test", 1000m);

        var done = await WaitForRunAsync(rule, big.Id, r => r.State == RunState.Completed);
        done.Version.ShouldBe(1);
        done.Steps.Select(s => s.Kind).ShouldBe(["condition", "action", "action"]);
        done.Steps[0]
            .Reason.ShouldBe("condition `order.total > 50000 and order.currency == 'RUB'` held with order.total = 60000; order.currency " +
                "= RUB");
        done.Steps[1].Reason.ShouldBe($"big order #{big.Number}");
        done.Steps[2].IdempotencyKey.ShouldBe($"{done.Id:N}:task");
        done.Steps[2].Label.ShouldBe("a call for the manager", "the step's label comes from the version the run executes");
        done.Steps[2].Reason.ShouldBe("task \"Call about order #" + big.Number + " (60000)\" (unassigned)");
        (await TasksAsync(done.Steps[2].IdempotencyKey!)).ShouldBe(1);
        var skipped = await WaitForRunAsync(rule, small.Id, r => r.State == RunState.Skipped);
        skipped.Steps.Single().Reason!.ShouldContain("did not hold with order.total = 1000");
    }

    [Fact]
    public async Task A_Failing_Action_Should_Retry_Then_Dead_Letter_And_A_Retry_From_The_Step_Should_Not_Repeat_Earlier_Effects()
    {
        var rule = await PublishAsync("Flaky ERP", new RuleDefinitionDto
        {
            Trigger = "sales.order.created",
            Condition = "contains(customer.email, 'flaky')",
            Steps =
            [
                new StepDto { Id = "first", Kind = StepKind.Action, Action = "test.flaky",
                    Parameters = new Dictionary<string, string> { ["what"] = "crm" } },
                new StepDto { Id = "second", Kind = StepKind.Action, Action = "test.flaky",
                    Parameters = new Dictionary<string, string> { ["what"] = "erp" } },
            ],
        });
        // The first step succeeds; the second fails on every attempt (the ERP stays down).
        FlakyAction.Down["erp"] = true;
        var order = await OrderAsync("flaky@engine.test", 500m);
        var run = await WaitForRunAsync(rule, order.Id, r => r.Steps.Any(s => s.StepId == "first" && s.State == StepState.Succeeded));
        var dead = await ForceDueUntilAsync(rule, order.Id, run.Id, r => r.State == RunState.DeadLettered);
        dead.Steps.Count(s => s.StepId == "second" && s.State == StepState.Retrying).ShouldBe(4);
        dead.Steps[^1].State.ShouldBe(StepState.Failed);
        dead.LastError!.ShouldContain("the remote system is down");

        FlakyAction.Down.TryRemove("erp", out _);
        await Host.InScopeAsync(sp => sp.GetRequiredService<IRunAppService>().RetryAsync(run.Id, useActiveVersion: false));
        var completed = await WaitForRunAsync(rule, order.Id, r => r.State == RunState.Completed);

        FlakyAction.Calls[$"{run.Id:N}:first"].ShouldBe(1);
        FlakyAction.Effects.ContainsKey($"{run.Id:N}:second").ShouldBeTrue();
        completed.Steps.Count(s => s.StepId == "first").ShouldBe(1);
    }

    [Fact]
    public async Task A_Step_Failing_For_Good_Should_Undo_The_Completed_Steps_Last_First_Once_Then_Dead_Letter()
    {
        static StepDto Flaky(string id, string what, string? undo) => new()
        {
            Id = id, Kind = StepKind.Action, Action = "test.flaky", Parameters = new Dictionary<string, string> { ["what"] = what },
            Compensation = undo is null ? null
                : new CompensationDto { Action = "test.flaky", Parameters = new Dictionary<string, string> { ["what"] = undo } },
        };
        var rule = await PublishAsync("Undo on failure", new RuleDefinitionDto
        {
            Trigger = "sales.order.created",
            Condition = "contains(customer.email, 'undo-')",
            Steps = [Flaky("book", "book-{{order.number}}", "unbook-{{order.number}}"), Flaky("note", "note", null),
                Flaky("reserve", "reserve", "release"), Flaky("ship", "courier-down", "cancel-shipment")],
        });
        FlakyAction.Down["courier-down"] = true;
        try
        {
            var order = await OrderAsync("undo-failure@engine.test", 700m);
            var run = await WaitForRunAsync(rule, order.Id, r => r.Steps.Any(s => s.StepId == "ship"));
            var dead = await ForceDueUntilAsync(rule, order.Id, run.Id, r => r.State == RunState.DeadLettered);

            var undone = dead.Steps.Where(s => s.Kind == "compensate").ToList();
            undone.Select(s => (s.StepId, s.State, s.IdempotencyKey)).ShouldBe(
            [
                ("reserve", StepState.Succeeded, $"{run.Id:N}:reserve:undo"), ("book", StepState.Succeeded, $"{run.Id:N}:book:undo"),
            ]);
            undone[1].Input.ShouldBe($"{{\"what\":\"unbook-{order.Number}\"}}");
            FlakyAction.Calls[$"{run.Id:N}:reserve:undo"].ShouldBe(1);
            FlakyAction.Calls.ContainsKey($"{run.Id:N}:ship:undo").ShouldBeFalse("the failed step did nothing to undo");
            dead.LastError!.ShouldContain("the remote system is down");
            var retry = await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(sp =>
                sp.GetRequiredService<IRunAppService>().RetryAsync(run.Id, useActiveVersion: false)));
            retry.Code.ShouldBe("Automation:RunWasCompensated");
        }
        finally
        {
            FlakyAction.Down.TryRemove("courier-down", out _);
        }
    }

    [Fact]
    public async Task A_Run_Should_Survive_A_Restart_Between_Steps_And_Not_Repeat_A_Side_Effect()
    {
        await using var other = new PostgresDatabaseFixtureScope();
        await other.InitializeAsync();
        Guid ruleId;
        Guid orderId;
        // Instance one handles the event but its worker is off: the run stops before its first side effect.
        await using (var first = await AutomationHostFixture.StartAsync(other.ConnectionString, workerEnabled: false))
        {
            ruleId = (await PublishAsync(first, "Survives restarts", new RuleDefinitionDto
            {
                Trigger = "sales.order.created",
                Steps =
                [
                    new StepDto { Id = "note", Kind = StepKind.Action, Action = "automation.log",
                        Parameters = new Dictionary<string, string> { ["message"] = "seen" } },
                    new StepDto { Id = "task", Kind = StepKind.Action, Action = "activities.create_task",
                        Parameters = new Dictionary<string, string> { ["title"] = "After restart" } },
                ],
            })).Id;
            orderId = (await OrderAsync(first, "restart@engine.test", 700m)).Id;
            var parked = await WaitForRunAsync(first, ruleId, orderId, r => r.Steps.Any(s => s.StepId == "note"));
            parked.State.ShouldBe(RunState.Running);
        }
        // An event recorded long ago (older than the 30-day retention) is purged by the next worker that starts.
        var stale = Guid.NewGuid();
        await using (var connection = new Npgsql.NpgsqlConnection(other.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new Npgsql.NpgsqlCommand(
                "INSERT INTO automation.event_log (id, trigger, occurred_at, summary, values, depth) VALUES (@id, 'sales.order.created', " +
                    "now() - interval '40 days', '{\"text\":\"old\"}', '{}', 0)", connection);
            insert.Parameters.AddWithValue("id", stale);
            await insert.ExecuteNonQueryAsync();
        }
        // Instance two (a restart) finds the run in the database and finishes it, once.
        await using var second = await AutomationHostFixture.StartAsync(other.ConnectionString, workerEnabled: true);
        var done = await WaitForRunAsync(second, ruleId, orderId, r => r.State == RunState.Completed);
        done.Steps.Count(s => s.StepId == "task").ShouldBe(1);
        (await second.InScopeAsync(sp => sp.GetRequiredService<ActivitiesDbContext>().Tasks.CountAsync(t => t.Title == "After restart")))
            .ShouldBe(1);
        (await second.InScopeAsync(sp => sp.GetRequiredService<AutomationDbContext>().Events.CountAsync(e => e.Id == stale))).ShouldBe(0);
    }

    [Fact]
    public async Task Rolling_Back_Should_Change_The_Version_New_Runs_Use()
    {
        var rule = await PublishAsync("Versioned", new RuleDefinitionDto
        {
            Trigger = "sales.order.created", Condition = "contains(customer.email, 'versioned')",
            Steps = [new StepDto { Id = "say", Kind = StepKind.Action, Action = "automation.log",
                Parameters = new Dictionary<string, string> { ["message"] = "v1" } }],
        });
        await Host.InScopeAsync(async sp =>
        {
            var rules = sp.GetRequiredService<IRuleAppService>();
            var current = await rules.GetAsync(rule.Id);
            await rules.SaveDraftAsync(rule.Id, current.Name, null, current.Draft with
            {
                Steps = [new StepDto { Id = "say", Kind = StepKind.Action, Action = "automation.log",
                    Parameters = new Dictionary<string, string> { ["message"] = "v2" } }],
            }, null);
            await rules.PublishAsync(rule.Id, "second", acceptLoopRisk: false);
        });
        var second = await OrderAsync("versioned-2@engine.test", 10m);
        (await WaitForRunAsync(rule, second.Id, r => r.State == RunState.Completed)).ShouldSatisfyAllConditions(r => r.Version.ShouldBe(2),
            r => r.Steps[1].Reason.ShouldBe("v2"));

        await Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>().RollbackAsync(rule.Id, 1));
        var third = await OrderAsync("versioned-3@engine.test", 10m);
        (await WaitForRunAsync(rule, third.Id, r => r.State == RunState.Completed)).ShouldSatisfyAllConditions(r => r.Version.ShouldBe(1),
            r => r.Steps[1].Reason.ShouldBe("v1"));
        var audit = await Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>().GetAuditAsync(rule.Id));
        audit.Select(a => a.Action).ShouldContain("rolled back");
        audit.First(a => a.Action == "rolled back").Details.ShouldBe("active version 2 → 1");
    }

    [Fact]
    public async Task A_Dry_Run_Should_Simulate_Every_Side_Effect_And_Write_Nothing()
    {
        var live = await OrderAsync("dry-live@engine.test", 90000m);
        var quiet = await OrderAsync("dry-quiet@engine.test", 90m);
        var rule = await CreateAsync("Dry", new RuleDefinitionDto
        {
            Trigger = "sales.order.created", Condition = "order.total > 1000 and startsWith(customer.email, 'dry-')",
            Steps = [new StepDto { Id = "hold", Kind = StepKind.Action, Action = "sales.change_order_status",
                Parameters = new Dictionary<string, string> { ["status"] = "on_hold", ["reason"] = "dry" },
                Compensation = new CompensationDto { Action = "activities.create_task",
                    Parameters = new Dictionary<string, string> { ["title"] = "Release #{{order.number}}" } } }],
        });
        await Eventually.WaitForAsync(() => Host.InScopeAsync(sp => sp.GetRequiredService<AutomationDbContext>().Events.CountAsync(e =>
            e.SubjectId == quiet.Id)), n => n == 1);
        // Every module's events delivered (the customers' too, drained beside the orders'), so the counts below move
        // only if the dry run writes.
        await Eventually.WaitForAsync(UndeliveredEventsAsync, n => n == 0);
        // …and every run the playbook started for them (a deal per order) has finished its steps.
        await Eventually.WaitForAsync(() => Host.InScopeAsync(sp => sp.GetRequiredService<AutomationDbContext>().Runs.CountAsync(r =>
            r.State == RunState.Pending || r.State == RunState.Running || r.State == RunState.Compensating)), n => n == 0);
        var before = await RowCountsAsync();

        var report = await Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>().DryRunAsync(rule.Id, null,
            DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1), null));

        (await RowCountsAsync()).ShouldBe(before);
        var forLive = report.Items.Single(i => i.SubjectId == live.Id);
        forLive.WouldRun.ShouldBeTrue();
        forLive.WouldDo[^2].ShouldStartWith("would call sales.change_order_status {\"status\":\"on_hold\"");
        forLive.WouldDo[^1].ShouldBe($"  undone, if the run is stopped or fails later, by activities.create_task " +
            $"{{\"title\":\"Release #{live.Number}\"}}");
        forLive.LiveOutcome.ShouldBeNull();
        report.Items.Single(i => i.SubjectId == quiet.Id).WouldRun.ShouldBeFalse();
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IOrderAppService>().GetAsync(live.Id, null))).Status.ShouldBe(OrderStatus.New);
    }

    [Fact]
    public async Task Rules_That_Retrigger_Each_Other_Should_Be_Flagged_When_Published_And_Stopped_At_Run_Time()
    {
        var release = await CreateAsync("Loop: release held", new RuleDefinitionDto
        {
            Trigger = "sales.order.status_changed", Condition = "order.new_status == 'on_hold' and contains(customer.email, 'loop')",
            Steps = [new StepDto { Id = "release", Kind = StepKind.Action, Action = "sales.change_order_status",
                Parameters = new Dictionary<string, string> { ["status"] = "new" } }],
        });
        var error = await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>()
            .PublishAsync(release.Id, null, acceptLoopRisk: false)));
        error.Code.ShouldBe("Automation:PossibleLoop");
        error.Message.ShouldContain("Loop: release held —[sales.order.status_changed]→ Loop: release held");
        await Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>().PublishAsync(release.Id, null, acceptLoopRisk: true));
        var hold = await PublishAsync("Loop: hold new", new RuleDefinitionDto
        {
            Trigger = "sales.order.status_changed", Condition = "order.new_status == 'new' and contains(customer.email, 'loop')",
            Steps = [new StepDto { Id = "hold", Kind = StepKind.Action, Action = "sales.change_order_status",
                Parameters = new Dictionary<string, string> { ["status"] = "on_hold", ["reason"] = "the loop goes round" } }],
        }, acceptLoopRisk: true);

        var order = await OrderAsync("loop@engine.test", 10m);
        await Host.InScopeAsync(sp => sp.GetRequiredService<IOrderAppService>().MoveAsync(order.Id, new OrderMoveInput(OrderMove.Hold,
            "start the circle")));

        var stopped = await Eventually.WaitForAsync(
            () => Host.InScopeAsync(sp => sp.GetRequiredService<IRunAppService>().GetListAsync(new GetRunListInput { SubjectId = order.Id,
                State = RunState.Stopped })),
            l => l.Items.Count > 0, TimeSpan.FromSeconds(60));
        var guard = await Host.InScopeAsync(sp => sp.GetRequiredService<IRunAppService>().GetAsync(stopped.Items[0].Id));
        guard.Depth.ShouldBe(6);
        guard.Steps.Single().Reason!.ShouldStartWith("Loop protection: this event comes from a chain of 5 automated reactions");
        var all = await Host.InScopeAsync(sp => sp.GetRequiredService<IRunAppService>()
            .GetListAsync(new GetRunListInput { SubjectId = order.Id, PageSize = 100 }));
        all.Items.Count(r => r.State == RunState.Completed && (r.RuleId == release.Id || r.RuleId == hold.Id)).ShouldBe(5);
    }

    [Fact]
    public async Task The_Playbook_Should_Hold_A_Large_First_Order_Until_A_Person_Approves_It()
    {
        var order = await OrderAsync("large-first@engine.test", 350000m);
        var playbook = await Host.InScopeAsync(async sp => (await sp.GetRequiredService<IRuleAppService>().GetListAsync()).Single(r =>
            r.Name == "Large first orders wait for approval"));

        var waiting = await WaitForRunAsync(Host, playbook.Id, order.Id, r => r.State == RunState.Waiting);
        waiting.WaitingFor.ShouldBe("activities.approval.decided");
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IOrderAppService>().GetAsync(order.Id,
            null))).Status.ShouldBe(OrderStatus.OnHold);
        var approval = await Host.InScopeAsync(async sp => (await sp.GetRequiredService<IApprovalAppService>().GetPendingAsync())
            .Single(a => a.LinkId == order.Id));
        approval.Title.ShouldBe($"Release order #{order.Number} for 350000 RUB?");

        await Host.InScopeAsync(sp => sp.GetRequiredService<IApprovalAppService>().DecideAsync(approval.Id, approve: true, "known buyer"));

        var done = await WaitForRunAsync(Host, playbook.Id, order.Id, r => r.State == RunState.Completed);
        done.Steps.ShouldContain(s => s.StepId == "decided" && s.Reason!.Contains("approval.approved = true"));
        done.Steps.ShouldContain(s => s.StepId == "release" && s.State == StepState.Succeeded);
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IOrderAppService>().GetAsync(order.Id,
            null))).Status.ShouldBe(OrderStatus.New);
        var steps = await Host.InScopeAsync(sp => sp.GetRequiredService<IOrderAppService>().GetStepsAsync(order.Id, null));
        steps.ShouldContain(s => s.Status == OrderStatus.OnHold && s.Actor == HyperCrm.Customers.Timeline.ActorKind.Rule
            && s.ActorName == "Large first orders wait for approval");
    }

    [Fact]
    public async Task A_Wait_For_An_Event_Should_Resume_On_The_Event_Or_Time_Out()
    {
        var rule = await PublishAsync("Waits for shipping", new RuleDefinitionDto
        {
            Trigger = "sales.order.created", Condition = "contains(customer.email, 'waits')",
            Steps =
            [
                new StepDto { Id = "until", Kind = StepKind.WaitForEvent, Event = "sales.order.status_changed", Minutes = 60 },
                new StepDto
                {
                    Id = "how", Kind = StepKind.Branch, Condition = "wait.timed_out",
                    Then = [new StepDto { Id = "late", Kind = StepKind.Action, Action = "automation.log",
                        Parameters = new Dictionary<string, string> { ["message"] = "timed out" } }],
                    Else = [new StepDto { Id = "seen", Kind = StepKind.Action, Action = "automation.log",
                        Parameters = new Dictionary<string, string> { ["message"] = "now {{order.new_status}}" } }],
                },
            ],
        });
        var resumed = await OrderAsync("waits-1@engine.test", 10m);
        var late = await OrderAsync("waits-2@engine.test", 10m);
        await WaitForRunAsync(rule, resumed.Id, r => r.State == RunState.Waiting);
        var lateRun = await WaitForRunAsync(rule, late.Id, r => r.State == RunState.Waiting);

        await Host.InScopeAsync(sp => OrderTestMoves.MoveAsync(sp, resumed.Id, (o, actor, now) => o.Reserve(actor, "stock found", now)));
        (await WaitForRunAsync(rule, resumed.Id, r => r.State == RunState.Completed)).Steps[^1].Reason.ShouldBe("now reserved");

        await Host.InScopeAsync(sp => sp.GetRequiredService<AutomationDbContext>().Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE automation.runs SET next_attempt_at = now() - interval '1 second' WHERE id = {lateRun.Id}"));
        (await WaitForRunAsync(rule, late.Id, r => r.State == RunState.Completed)).Steps[^1].Reason.ShouldBe("timed out");
    }

    [Fact]
    public async Task Two_Events_Of_One_Batch_Should_Resume_A_Waiting_Run_Once()
    {
        var rule = await PublishAsync("Waits once", new RuleDefinitionDto
        {
            Trigger = "sales.order.created", Condition = "contains(customer.email, 'once')",
            Steps =
            [
                new StepDto { Id = "until", Kind = StepKind.WaitForEvent, Event = "sales.order.status_changed", Minutes = 60 },
                new StepDto { Id = "seen", Kind = StepKind.Action, Action = "automation.log",
                    Parameters = new Dictionary<string, string> { ["message"] = "now {{order.new_status}}" } },
            ],
        });
        var order = await OrderAsync("once@engine.test", 10m);
        await WaitForRunAsync(rule, order.Id, r => r.State == RunState.Waiting);

        // Two status events written by one statement are claimed in one batch: the automation sink handles both before
        // it saves, so the second must see that the first already resumed the run.
        var payloads = new[] { OrderStatus.Reserved, OrderStatus.Picking }.Select(to => System.Text.Json.JsonSerializer.Serialize(
            new OrderStatusChangedEto(order.Id, order.CustomerId, null, OrderStatus.New, to,
                "batch"), HyperCrm.Framework.Outbox.OutboxJson.Options)).ToArray();
        await Host.InScopeAsync(sp => sp.GetRequiredService<AutomationDbContext>().Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO sales.outbox_messages (id, event_name, payload, occurred_at, attempts, next_attempt_at)
            SELECT gen_random_uuid(), 'sales.order.status_changed', p::jsonb, now(), 0,
            now() - interval '1 second' + n * interval '1 millisecond'
            FROM unnest({payloads}) WITH ORDINALITY AS t(p, n)
            """));
        Host.Services.GetRequiredService<HyperCrm.Framework.Outbox.OutboxSignal>().Notify();

        var run = await WaitForRunAsync(rule, order.Id, r => r.State == RunState.Completed);
        run.Steps.Count(s => s.Kind == "resumed").ShouldBe(1);
        run.Steps.Where(s => s.StepId == "seen").ShouldHaveSingleItem().Reason.ShouldBe("now reserved");
    }

    [Fact]
    public async Task An_Event_Should_Resume_Every_Run_Waiting_On_It_Not_Only_The_First_Hundred()
    {
        var rule = await PublishAsync("Many wait", new RuleDefinitionDto
        {
            Trigger = "sales.order.created", Condition = "contains(customer.email, 'many-wait')",
            Steps =
            [
                new StepDto { Id = "until", Kind = StepKind.WaitForEvent, Event = "sales.order.status_changed", Minutes = 60 },
                new StepDto { Id = "seen", Kind = StepKind.Action, Action = "automation.log",
                    Parameters = new Dictionary<string, string> { ["message"] = "resumed" } },
            ],
        });
        var order = await OrderAsync("many-wait@engine.test", 10m);
        var first = await WaitForRunAsync(rule, order.Id, r => r.State == RunState.Waiting);
        // 130 more runs of the rule wait on the same order (copies of the first, as many rules or restarts would leave).
        await Host.InScopeAsync(sp => sp.GetRequiredService<AutomationDbContext>().Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO automation.runs
            SELECT (jsonb_populate_record(NULL::automation.runs, to_jsonb(r) || jsonb_build_object('id', gen_random_uuid(), 'event_id',
            NULL))).*
            FROM automation.runs r, generate_series(1, 130) WHERE r.id = {first.Id}
            """));
        (await WaitingAsync(rule.Id)).ShouldBe(131);

        await Host.InScopeAsync(sp => OrderTestMoves.MoveAsync(sp, order.Id, (o, actor, now) => o.Reserve(actor, "stock found", now)));

        (await Eventually.WaitForAsync(() => WaitingAsync(rule.Id), n => n == 0, TimeSpan.FromSeconds(60))).ShouldBe(0);
    }

    private Task<int> WaitingAsync(Guid ruleId) => Host.InScopeAsync(sp =>
        sp.GetRequiredService<AutomationDbContext>().Runs.CountAsync(r => r.RuleId == ruleId && r.State == RunState.Waiting));

    [Fact]
    public async Task A_Schedule_Rule_Should_Fire_On_Its_Cron_Until_Disabled()
    {
        var rule = await PublishAsync("Every second", new RuleDefinitionDto
        {
            Trigger = "schedule", Schedule = "* * * * * ?",
            Steps = [new StepDto { Id = "tick", Kind = StepKind.Action, Action = "automation.log",
                Parameters = new Dictionary<string, string> { ["message"] = "tick at {{schedule.fired_at}}" } }],
        });
        var runs = await Eventually.WaitForAsync(() => Host.InScopeAsync(sp => sp.GetRequiredService<IRunAppService>()
            .GetListAsync(new GetRunListInput { RuleId = rule.Id, State = RunState.Completed })),
            l => l.TotalCount >= 2, TimeSpan.FromSeconds(30));
        var run = await Host.InScopeAsync(sp => sp.GetRequiredService<IRunAppService>().GetAsync(runs.Items[0].Id));
        run.Steps[^1].Reason.ShouldStartWith("tick at 20");

        await Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>().SetEnabledAsync(rule.Id, false));
        await Task.Delay(1500);
        var after = await Host.InScopeAsync(sp => sp.GetRequiredService<IRunAppService>()
            .GetListAsync(new GetRunListInput { RuleId = rule.Id }));
        await Task.Delay(2500);
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IRunAppService>().GetListAsync(new GetRunListInput { RuleId = rule.Id })))
            .TotalCount.ShouldBe(after.TotalCount);
        (await Host.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IRuleAppService>()
            .Validate(new RuleDefinitionDto { Trigger = "schedule", Schedule = "every day" }))))
            .ShouldContain(p => p.Where == "schedule");
    }

    [Fact]
    public async Task A_Manual_Rule_Should_Run_When_Started_By_Hand_And_Only_Manual_Rules_Can_Be()
    {
        var rule = await PublishAsync("By hand", new RuleDefinitionDto
        {
            Trigger = "manual",
            Steps = [new StepDto { Id = "say", Kind = StepKind.Action, Action = "automation.log",
                Parameters = new Dictionary<string, string> { ["message"] = "for {{subject.id}}" } }],
        });
        var subject = Guid.NewGuid();

        var runId = await Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>().StartManuallyAsync(rule.Id, subject));

        var run = await Eventually.WaitForAsync(() => Host.InScopeAsync(sp => sp.GetRequiredService<IRunAppService>().GetAsync(runId)),
            r => r.State == RunState.Completed);
        run.Steps[^1].Reason.ShouldBe($"for {subject}");
        (await Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>().GetAuditAsync(rule.Id))).ShouldContain(a =>
            a.Action == "started by hand");
        var eventRule = await PublishAsync("Not by hand", new RuleDefinitionDto { Trigger = "customers.customer.created",
            Condition = "false" });
        (await Should.ThrowAsync<BusinessException>(() => Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>()
            .StartManuallyAsync(eventRule.Id, null))))
            .Code.ShouldBe("Automation:NotManual");
    }

    [Fact]
    public async Task Bad_Definitions_Should_Be_Refused_With_Every_Problem_And_Where()
    {
        var problems = await Host.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IRuleAppService>().Validate(new RuleDefinitionDto
        {
            Trigger = "sales.order.created",
            Condition = "order.totl > 5",
            Steps =
            [
                new StepDto { Id = "a", Kind = StepKind.Action, Action = "activities.create_task",
                    Parameters = new Dictionary<string, string> { ["title"] = "Hi {{ customer.nam }}", ["colour"] = "red" } },
                new StepDto { Id = "a", Kind = StepKind.Action, Action = "nobody.knows" },
                new StepDto { Id = "w", Kind = StepKind.Wait, Minutes = 0 },
                new StepDto { Id = "u", Kind = StepKind.Action, Action = "automation.log",
                    Parameters = new Dictionary<string, string> { ["message"] = "x" },
                    Compensation = new CompensationDto { Action = "nobody.undoes" } },
                new StepDto { Id = "b", Kind = StepKind.Branch, Condition = "true",
                    Compensation = new CompensationDto { Action = "automation.log" } },
            ],
        })));

        problems.ShouldContain(p => p.Where == "condition" && p.Message.Contains("did you mean 'order.total'") && p.Position == 1);
        problems.ShouldContain(p => p.Where == "steps[1].title" && p.Position == 7);
        problems.ShouldContain(p => p.Where == "steps[1].colour");
        problems.ShouldContain(p => p.Message.Contains("used twice"));
        problems.ShouldContain(p => p.Message.Contains("Unknown action 'nobody.knows'"));
        problems.ShouldContain(p => p.Where == "steps[3]" && p.Message.Contains("1 minute to 90 days"));
        problems.ShouldContain(p => p.Where == "steps[4].compensation" && p.Message.Contains("Unknown action 'nobody.undoes'"));
        problems.ShouldContain(p => p.Where == "steps[5].compensation" && p.Message.Contains("Only an action step"));
    }

    private Task<RuleDto> PublishAsync(string name, RuleDefinitionDto definition, bool acceptLoopRisk = false) => PublishAsync(Host, name,
        definition, acceptLoopRisk);

    private static async Task<RuleDto> PublishAsync(ModuleTestHost host, string name, RuleDefinitionDto definition,
        bool acceptLoopRisk = false) =>
        await host.InScopeAsync(async sp =>
        {
            var rules = sp.GetRequiredService<IRuleAppService>();
            var rule = await rules.CreateAsync(name, null, definition);
            await rules.PublishAsync(rule.Id, null, acceptLoopRisk);
            return rule;
        });

    private Task<RuleDto> CreateAsync(string name, RuleDefinitionDto definition) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<IRuleAppService>().CreateAsync(name, null, definition));

    private Task<OrderDto> OrderAsync(string email, decimal total) => OrderAsync(Host, email, total);

    private static Task<OrderDto> OrderAsync(ModuleTestHost host, string email, decimal total)
    {
        return host.InScopeAsync(sp => sp.GetRequiredService<IOrderAppService>().CreateAsync(new CreateOrderDto
        {
            Currency = "RUB",
            Customer = new OrderCustomerDto { Name = "Engine Test", Email = email },
            ShippingAddress = new ShippingAddressDto { Country = "RU", City = "Москва", Line1 = "ул. Тверская, 1" },
            Lines = [new OrderLineInputDto { Sku = "SKU-001", Quantity = 1, UnitPrice = total }],
        }, null));
    }

    private Task<RunDto> WaitForRunAsync(RuleDto rule, Guid orderId, Func<RunDto, bool> condition) => WaitForRunAsync(Host, rule.Id,
        orderId, condition);

    private static Task<RunDto> WaitForRunAsync(ModuleTestHost host, Guid ruleId, Guid orderId, Func<RunDto, bool> condition) =>
        Eventually.WaitForAsync(() => FindRunAsync(host, ruleId, orderId), r => r is not null && condition(r), TimeSpan.FromSeconds(60))!;

    private static Task<RunDto?> FindRunAsync(ModuleTestHost host, Guid ruleId, Guid orderId) => host.InScopeAsync(async sp =>
    {
        var runs = sp.GetRequiredService<IRunAppService>();
        var list = await runs.GetListAsync(new GetRunListInput { RuleId = ruleId, SubjectId = orderId });
        return list.Items.Count == 0 ? null : await runs.GetAsync(list.Items[0].Id);
    });

    /// <summary>
    /// Backoff is seconds long; the test moves the retry time to now instead of sleeping, as often as it takes the run
    /// to get where it should (however slowly the worker picks each retry up).
    /// </summary>
    private Task<RunDto> ForceDueUntilAsync(RuleDto rule, Guid orderId, Guid runId, Func<RunDto, bool> condition) =>
        Eventually.WaitForAsync(async () =>
        {
            await Host.InScopeAsync(sp => sp.GetRequiredService<AutomationDbContext>().Database.ExecuteSqlInterpolatedAsync(
                $"""
                UPDATE automation.runs SET next_attempt_at = now()
                WHERE id = {runId} AND state = 'Running' AND next_attempt_at > now()
                """));
            return await FindRunAsync(Host, rule.Id, orderId);
        }, r => r is not null && condition(r), TimeSpan.FromSeconds(60))!;

    private Task<int> TasksAsync(string key) => Host.InScopeAsync(sp => sp.GetRequiredService<ActivitiesDbContext>().Tasks.CountAsync(t =>
        t.SourceKey == key));

    private Task<int> UndeliveredEventsAsync() => Host.InScopeAsync(async sp =>
    {
        var database = sp.GetRequiredService<AutomationDbContext>().Database;
        var schemas = await database.SqlQueryRaw<string>(
            "SELECT table_schema AS \"Value\" FROM information_schema.tables WHERE table_name = 'outbox_messages'").ToListAsync();
        var undelivered = string.Join(" + ",
            schemas.Select(s => $"(SELECT count(*) FROM \"{s}\".outbox_messages WHERE processed_at IS NULL)"));
        return await database.SqlQueryRaw<int>($"SELECT ({undelivered})::int AS \"Value\"").SingleAsync();
    });

    private Task<(int, int, int, int, int)> RowCountsAsync() => Host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AutomationDbContext>();
        var orders = sp.GetRequiredService<HyperCrm.Sales.Data.SalesDbContext>();
        return (await db.Runs.CountAsync(), await db.RunSteps.CountAsync(), await db.Events.CountAsync(), await db.Audit.CountAsync(),
            await orders.Orders.CountAsync(o => o.Status != OrderStatus.New));
    });
}

/// <summary>A second database for tests that play two app instances one after the other.</summary>
public sealed class PostgresDatabaseFixtureScope : PostgresDatabaseFixture, IAsyncDisposable
{
    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
