using HyperCrm.Application.Tests.Framework.Testing;
using HyperCrm.Framework.Data;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Application.Tests.Framework;

/// <summary>Local events, the outbox, the inbox and dead letters against a real PostgreSQL, through real hosts.</summary>
public sealed class EventsAndOutboxTests(TestingDatabaseFixture database) : IClassFixture<TestingDatabaseFixture>
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Outbox:MaxAttempts"] = "3",
        ["Outbox:BaseRetryDelay"] = "00:00:00.050",
        ["Outbox:MaxRetryDelay"] = "00:00:00.200",
    };

    private static readonly Dictionary<string, string?> NoDispatcher = new() { ["Outbox:DispatcherEnabled"] = "false" };

    [Fact]
    public async Task Local_Event_Handlers_Should_Write_In_The_Same_Transaction()
    {
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, NoDispatcher);
        var id = await CreateWidgetAsync(host, "draft");

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestingDbContext>();
            (await db.Widgets.SingleAsync(w => w.Id == id)).Rename("final");
            await db.SaveChangesAsync();
        });

        var note = await host.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>().Notes.SingleAsync(n => n.WidgetId == id));
        note.Text.ShouldBe("draft -> final");
    }

    [Fact]
    public async Task A_Failing_Local_Handler_Should_Roll_Back_Everything()
    {
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, NoDispatcher);
        var id = await CreateWidgetAsync(host, "draft");

        var error = await Should.ThrowAsync<InvalidOperationException>(() => host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestingDbContext>();
            (await db.Widgets.SingleAsync(w => w.Id == id)).Rename("boom");
            await db.SaveChangesAsync();
        }));

        error.Message.ShouldBe("The local handler refused the rename.");
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestingDbContext>();
            (await db.Widgets.AsNoTracking().SingleAsync(w => w.Id == id)).Name.ShouldBe("draft");
            (await db.Notes.CountAsync(n => n.WidgetId == id)).ShouldBe(0);
        });
    }

    [Fact]
    public async Task A_Distributed_Event_Should_Be_Handled_Once_After_Commit()
    {
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString);

        var id = await CreateWidgetAsync(host, "signalled");

        var handled = await Eventually.WaitForAsync(() => HandledCountAsync(host, id), n => n > 0);
        handled.ShouldBe(1);
        // The row is settled after its consumers ran; wait for that, then make sure nothing handled it again.
        var outbox = await Eventually.WaitForAsync(() => OutboxRowAsync(host, id), row => row.ProcessedAt is not null);
        outbox.ProcessedAt.ShouldNotBeNull();
        await Task.Delay(700);
        (await HandledCountAsync(host, id)).ShouldBe(1);
        outbox.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task A_Consumer_Should_Continue_The_Trace_That_Raised_Its_Event()
    {
        var stopped = new System.Collections.Concurrent.ConcurrentBag<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == HyperCrm.Framework.Diagnostics.HyperTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString);

        // The "request" that raises the event; its trace context is stored with the outbox row.
        var request = new System.Diagnostics.Activity("request").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();
        var id = await CreateWidgetAsync(host, "traced");
        request.Stop();

        await Eventually.WaitForAsync(() => HandledCountAsync(host, id), n => n > 0);
        (await OutboxRowAsync(host, id)).TraceParent.ShouldBe(request.Id);
        var consumer = await Eventually.WaitForAsync(() => Task.FromResult(stopped.FirstOrDefault(a => a.TraceId == request.TraceId)),
            span => span is not null);
        consumer!.ParentSpanId.ShouldBe(request.SpanId);
        consumer.Kind.ShouldBe(System.Diagnostics.ActivityKind.Consumer);
        consumer.GetTagItem("hypercrm.consumer")!.ToString()!.ShouldEndWith("WidgetCreatedHandler");
    }

    [Fact]
    public async Task An_Event_No_Module_Consumes_Should_Not_Be_Written_To_The_Outbox()
    {
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString);
        var id = await CreateWidgetAsync(host, "archived");

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestingDbContext>();
            (await db.Widgets.SingleAsync(w => w.Id == id)).Archive();
            await db.SaveChangesAsync();
        });

        var names = await host.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>().Database
            .SqlQuery<string>($"SELECT event_name AS \"Value\" FROM testing.outbox_messages WHERE payload->>'widgetId' = {id.ToString()}")
            .ToListAsync());
        names.ShouldBe(["testing.widget.created"]);
    }

    [Fact]
    public async Task An_Event_Written_Before_A_Crash_Should_Be_Handled_After_Restart()
    {
        Guid id;
        await using (var crashed = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, NoDispatcher))
        {
            id = await CreateWidgetAsync(crashed, "orphan");
            (await HandledCountAsync(crashed, id)).ShouldBe(0);
            (await OutboxRowAsync(crashed, id)).ProcessedAt.ShouldBeNull();
        }

        await using var restarted = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString);
        (await Eventually.WaitForAsync(() => HandledCountAsync(restarted, id), n => n > 0)).ShouldBe(1);
    }

    [Fact]
    public async Task Two_Dispatchers_On_One_Database_Should_Handle_Each_Event_Once()
    {
        await using var writer = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, NoDispatcher);
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++) ids.Add(await CreateWidgetAsync(writer, $"w{i}"));

        // Small batches: each drain goes on from where its last batch stopped, side by side with the other instance's.
        var smallBatches = new Dictionary<string, string?> { ["Outbox:BatchSize"] = "7" };
        await using var first = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, smallBatches);
        await using var second = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, smallBatches);

        var handled = await Eventually.WaitForAsync(() => writer.InScopeAsync(sp =>
            sp.GetRequiredService<TestingDbContext>().Handled.CountAsync(h => ids.Contains(h.WidgetId))), n => n >= ids.Count);
        handled.ShouldBe(ids.Count);
        await Task.Delay(700);
        await writer.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestingDbContext>();
            (await db.Handled.Where(h => ids.Contains(h.WidgetId)).GroupBy(h => h.WidgetId).CountAsync(g => g.Count() > 1)).ShouldBe(0);
            (await db.Handled.CountAsync(h => ids.Contains(h.WidgetId))).ShouldBe(ids.Count);
        });
    }

    [Fact]
    public async Task One_Bad_Event_In_A_Batch_Should_Fail_Alone_While_The_Others_Are_Handled_Once()
    {
        await using var writer = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, NoDispatcher);
        var good = new List<Guid>();
        for (var i = 0; i < 20; i++) good.Add(await CreateWidgetAsync(writer, $"batch-{i}"));
        var bad = await CreateWidgetAsync(writer, "poison-batch");
        for (var i = 20; i < 30; i++) good.Add(await CreateWidgetAsync(writer, $"batch-{i}"));

        // One dispatcher claims them all in one batch: the consumer's shared transaction fails, then each event goes alone.
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, FastRetries);

        await Eventually.WaitForAsync(() => writer.InScopeAsync(sp =>
            sp.GetRequiredService<TestingDbContext>().Handled.CountAsync(h => good.Contains(h.WidgetId))), n => n >= good.Count);
        await Eventually.WaitForAsync(() => DeadLettersAsync(host, bad), d => d.Count > 0);
        await writer.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestingDbContext>();
            (await db.Handled.CountAsync(h => good.Contains(h.WidgetId))).ShouldBe(good.Count);
            (await db.Handled.Where(h => good.Contains(h.WidgetId)).GroupBy(h => h.WidgetId).CountAsync(g => g.Count() > 1)).ShouldBe(0);
            (await db.Handled.CountAsync(h => h.WidgetId == bad)).ShouldBe(0);
        });
        (await DeadLettersAsync(host, bad)).ShouldHaveSingleItem().Error.ShouldContain("can never be handled");
    }

    [Fact]
    public async Task A_Redelivered_Event_Should_Have_No_Second_Effect()
    {
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString);
        var id = await CreateWidgetAsync(host, "twice");
        await Eventually.WaitForAsync(() => HandledCountAsync(host, id), n => n > 0);

        await host.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>().Database.ExecuteSqlAsync(
            $"UPDATE testing.outbox_messages SET processed_at = NULL WHERE payload->>'widgetId' = {id.ToString()}"));
        await Eventually.WaitForAsync(async () => (await OutboxRowAsync(host, id)).ProcessedAt, at => at is not null);

        (await HandledCountAsync(host, id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_Failing_Handler_Should_Retry_With_Backoff_Then_Succeed_Once()
    {
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, FastRetries);
        host.Services.GetRequiredService<FailurePlan>().FailNext(2);

        var id = await CreateWidgetAsync(host, "flaky");

        var outbox = await Eventually.WaitForAsync(() => OutboxRowAsync(host, id), row => row.ProcessedAt is not null);
        outbox.Attempts.ShouldBe(2);
        outbox.LastError.ShouldBeNull();
        (await HandledCountAsync(host, id)).ShouldBe(1);
        (await DeadLettersAsync(host, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_Handler_That_Keeps_Failing_Should_Be_Dead_Lettered_With_Its_Error()
    {
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, FastRetries);
        host.Services.GetRequiredService<FailurePlan>().FailNext(int.MaxValue);
        try
        {
            var id = await CreateWidgetAsync(host, "poison");

            var outbox = await Eventually.WaitForAsync(() => OutboxRowAsync(host, id), row => row.ProcessedAt is not null);
            outbox.Attempts.ShouldBe(3);
            var deadLetter = (await DeadLettersAsync(host, id)).ShouldHaveSingleItem();
            deadLetter.Consumer.ShouldBe(typeof(WidgetCreatedHandler).FullName);
            deadLetter.Error.ShouldContain("The downstream system is down.");
            deadLetter.EventName.ShouldBe("testing.widget.created");
            (await HandledCountAsync(host, id)).ShouldBe(0);
        }
        finally
        {
            host.Services.GetRequiredService<FailurePlan>().FailNext(0);
        }
    }

    [Fact]
    public async Task Many_Rows_Of_A_Bulk_Copied_Type_Should_Be_Copied_With_The_Rest_Of_The_Save_Or_Not_At_All()
    {
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, NoDispatcher);
        var widget = Guid.NewGuid();
        var rows = Enumerable.Range(0, BulkCopy.Threshold + 4)
            .Select(i => new HandledWidget { Id = Guid.NewGuid(), WidgetId = widget,
                Name = i == 0 ? "Дмитрий «O'Brien» \\ \t" : $"copied-{i}" }).ToList();
        var saved = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestingDbContext>();
            db.Handled.AddRange(rows);
            db.Widgets.Add(new Widget(widget, "with its rows"));
            var count = await db.SaveChangesAsync();
            db.Entry(rows[0]).State.ShouldBe(EntityState.Unchanged);
            return count;
        });

        saved.ShouldBe(rows.Count + 2); // the rows, the widget and its outbox event
        var stored = await host.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>().Handled.AsNoTracking().Where(h =>
            h.WidgetId == widget).ToListAsync());
        stored.OrderBy(h => h.Id).Select(h => (h.Id, h.Name)).ShouldBe(rows.OrderBy(h => h.Id).Select(h => (h.Id, h.Name)));

        // A failure later in the same save (a duplicate key among the ordinary inserts) takes the copied rows back too.
        var again = Enumerable.Range(0, BulkCopy.Threshold).Select(i => new HandledWidget { Id = Guid.NewGuid(), WidgetId = widget,
            Name = $"lost-{i}" }).ToList();
        await Should.ThrowAsync<DbUpdateException>(() => host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestingDbContext>();
            db.Handled.AddRange(again);
            db.Widgets.Add(new Widget(widget, "the same id again"));
            await db.SaveChangesAsync();
        }));
        (await host.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>().Handled.CountAsync(h => h.WidgetId == widget)))
            .ShouldBe(rows.Count);
    }

    private static Task<Guid> CreateWidgetAsync(ModuleTestHost host, string name) => host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<TestingDbContext>();
        var widget = new Widget(Guid.NewGuid(), name);
        db.Widgets.Add(widget);
        await db.SaveChangesAsync();
        return widget.Id;
    });

    private static Task<int> HandledCountAsync(ModuleTestHost host, Guid id) =>
        host.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>().Handled.CountAsync(h => h.WidgetId == id));

    private static Task<HyperCrm.Framework.Data.OutboxMessage> OutboxRowAsync(ModuleTestHost host, Guid id) =>
        host.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>()
            .Set<HyperCrm.Framework.Data.OutboxMessage>("testing.outbox_messages")
            .FromSqlInterpolated($"SELECT * FROM testing.outbox_messages WHERE payload->>'widgetId' = {id.ToString()}").AsNoTracking()
                .SingleAsync());

    private static Task<List<HyperCrm.Framework.Data.DeadLetter>> DeadLettersAsync(ModuleTestHost host, Guid id) =>
        host.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>().Set<HyperCrm.Framework.Data.DeadLetter>("testing.dead_letters")
            .FromSqlInterpolated($"SELECT * FROM testing.dead_letters WHERE payload->>'widgetId' = {id.ToString()}").AsNoTracking()
                .ToListAsync());
}
