using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using HyperCrm.Analytics.Data;
using HyperCrm.Analytics.Domain;
using HyperCrm.Analytics.Export;
using HyperCrm.Analytics.Ingestion;
using HyperCrm.Analytics.Kpis;
using HyperCrm.Analytics.Mining;
using HyperCrm.TestBase;
using HyperCrm.Web.Tests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Analytics;

/// <summary>
/// Process mining and KPIs over hand-built logs with known answers (each test in its own month of 2031, apart from the live
/// orders), the exports against the IEEE 1849 schema and OCEL's structure, and the live feed from a real order through the
/// inbox, exported only to its own partner.
/// </summary>
public sealed class AnalyticsTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    private static readonly DateTimeOffset March = new(2031, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset May = new(2031, 5, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_Hand_Built_Log_Should_Give_Its_Known_Graph_Variants_Durations_And_Deviations()
    {
        var (c1, c2, c3, c4) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var t = March;
        await WriteAsync(
            Step(c1, t, "order.created"), Step(c1, t.AddMinutes(10), "status.reserved"), Step(c1, t.AddMinutes(20), "status.picking"),
            Step(c1, t.AddMinutes(60), "status.shipped"),
            Step(c2, t, "order.created"), Step(c2, t.AddMinutes(30), "status.reserved"), Step(c2, t.AddMinutes(40), "status.picking"),
            Step(c2, t.AddMinutes(50), "status.shipped"),
            // c3 skips the reservation, and its shipping arrives before its picking (another outbox was quicker).
            Step(c3, t, "order.created"), Step(c3, t.AddMinutes(15), "status.shipped"), Step(c3, t.AddMinutes(5), "status.picking"),
            // c4 is reserved and picked twice.
            Step(c4, t, "order.created"), Step(c4, t.AddMinutes(10), "status.reserved"), Step(c4, t.AddMinutes(20), "status.picking"),
            Step(c4, t.AddMinutes(25), "status.reserved"), Step(c4, t.AddMinutes(30), "status.picking"),
            Step(c4, t.AddMinutes(40), "status.shipped"));
        // The same steps again (a rebuild over the live feed) change nothing.
        await WriteAsync(Step(c1, t, "order.created"), Step(c1, t.AddMinutes(10), "status.reserved"));
        var filter = new AnalyticsFilter(March.AddDays(-1), March.AddDays(1));

        var (map, variants, conformance) = await InScopeAsync(async sp =>
        {
            var miner = sp.GetRequiredService<ProcessMiner>();
            return (await miner.MapAsync(filter, default), await miner.VariantsAsync(filter, default),
                await miner.ConformanceAsync(filter, default));
        });

        map.Cases.ShouldBe(4);
        ProcessEdge Edge(string from, string to) => map.Edges.Single(e => e.From == from && e.To == to);
        Edge("", "order.created").Count.ShouldBe(4);
        var reserve = Edge("order.created", "status.reserved");
        (reserve.Count, reserve.MedianSeconds, reserve.P95Seconds).ShouldBe((2 + 1, 600d, 1680d));
        var pickToShip = Edge("status.picking", "status.shipped");
        (pickToShip.Count, pickToShip.MedianSeconds).ShouldBe((4, 600d)); // 40, 10, 10, 10 minutes
        Edge("order.created", "status.picking").MedianSeconds.ShouldBe(300); // c3, linked in time order though it came late
        Edge("status.picking", "status.reserved").Count.ShouldBe(1);
        Edge("status.shipped", "").Count.ShouldBe(4);
        map.Edges.Where(e => !e.IsEnd).Sum(e => e.Count).ShouldBe(17);
        map.Activities["status.reserved"].ShouldBe(4);

        variants.Count.ShouldBe(3);
        var happy = variants[0];
        happy.Activities.ShouldBe(["order.created", "status.reserved", "status.picking", "status.shipped"]);
        (happy.Cases, happy.Share, happy.MedianSeconds).ShouldBe((2L, 0.5, 3300d));

        (conformance.Cases, conformance.Conforming).ShouldBe((4L, 2L));
        conformance.Deviations.ShouldContain(new Deviation("skipped", "status.reserved", 1));
        conformance.Deviations.ShouldContain(new Deviation("repeated", "status.reserved", 1));
        conformance.Deviations.ShouldContain(new Deviation("repeated", "status.picking", 1));
        conformance.Deviations.Count.ShouldBe(3);

        // A big log's map adds up the counts kept per month (all of March here) or, for the days outside whole months, the
        // entries rounded the same way: the same graph and, for these round times, the same medians.
        var wholeMarch = new AnalyticsFilter(new DateTimeOffset(2031, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2031, 4, 1, 0, 0, 0,
            TimeSpan.Zero));
        foreach (var counted in await InScopeAsync(async sp => new[]
                 {
                     await sp.GetRequiredService<ProcessMiner>().MapAsync(wholeMarch, true, default),
                     await sp.GetRequiredService<ProcessMiner>().MapAsync(filter, true, default),
                 }))
        {
            counted.Edges.Where(e => !e.IsEnd).OrderBy(e => (e.From, e.To))
                .ShouldBe(map.Edges.Where(e => !e.IsEnd).OrderBy(e => (e.From, e.To)));
        }

        var slowest = await InScopeAsync(sp => sp.GetRequiredService<ProcessMiner>().CasesAsync(filter,
            new CaseQuery("edge", "order.created", "status.picking"), 10, default));
        slowest.Select(r => r.CaseId).ShouldBe([c3]);
    }

    [Fact]
    public async Task The_Kpis_Of_A_Seeded_Day_Should_Match_The_Numbers_Counted_By_Hand()
    {
        var (partnerOrder, staffOrder) = (Guid.NewGuid(), Guid.NewGuid());
        var partner = Guid.NewGuid();
        var t = May;
        EventLogEntry Partner(DateTimeOffset at, string activity, string kind) => Step(partnerOrder, at, activity, kind, partner);
        EventLogEntry Staff(DateTimeOffset at, string activity, string kind, long? ms = null) => Step(staffOrder, at, activity, kind,
            null, ms);
        var (r1, r2, r3) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WriteAsync(
            Partner(t, "order.created", ResourceKinds.Partner), Partner(t.AddMinutes(1), "status.reserved", ResourceKinds.Rule),
            Partner(t.AddMinutes(2), "erp.create_customer_order", ResourceKinds.Connector),
            Partner(t.AddHours(1), "status.shipped", ResourceKinds.Rule), Partner(t.AddHours(5), "status.delivered", ResourceKinds.System),
            Staff(t.AddMinutes(5), "order.created", ResourceKinds.Human), Staff(t.AddMinutes(6), "status.on_hold", ResourceKinds.Human),
            Staff(t.AddMinutes(30), "bot.supplier", ResourceKinds.Bot, 120_000), Staff(t.AddMinutes(40), "status.reserved",
                ResourceKinds.Human),
            Staff(t.AddMinutes(185), "status.shipped", ResourceKinds.Rule),
            Run(r1, t.AddMinutes(1), "run.step_failed.1", "failed"), Run(r1, t.AddMinutes(2), "run.completed", "completed"),
            Run(r2, t.AddMinutes(3), "run.completed", "completed"),
            Run(r3, t.AddMinutes(4), "run.step_failed.1", "failed"), Run(r3, t.AddMinutes(9), "run.dead_lettered", "dead_lettered"),
            new EventLogEntry(Guid.NewGuid(), t.AddHours(2), ObjectTypes.Rule, Guid.NewGuid(), "VIP", "published.v1", "admin",
                ResourceKinds.Human, (long)TimeSpan.FromDays(2).TotalMilliseconds, null, null, null, null, "test"));
        var day = new AnalyticsFilter(new DateTimeOffset(2031, 5, 6, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2031, 5, 7, 0, 0, 0,
            TimeSpan.Zero));

        var report = await InScopeAsync(sp => sp.GetRequiredService<KpiCalculator>().ReportAsync(day, AnalyticsCosts.Default, default));
        var k = report.Current;

        (k.Orders, k.TouchlessOrders, k.AutomationRate).ShouldBe((2L, 1L, 0.5));
        (k.Steps, k.AutomatedSteps).ShouldBe((9L, 6L)); // the partner's own placing is not ours to count
        k.ToShippedP50.ShouldBe(7200); // 1 h and 3 h
        k.ToShippedP95.ShouldBe(10440);
        k.ToDeliveredP50.ShouldBe(18000);
        (k.Runs, k.FailedRuns, k.RecoveredRuns).ShouldBe((3L, 2L, 1L));
        k.RecoveredShare.ShouldBe(0.5);
        (k.HumanMinutes, k.BotMinutes, k.ConnectorCalls).ShouldBe((12d, 2d, 1L));
        k.Cost.ShouldBe(6.11m); // 12 × 0.50 + 2 × 0.05 + 1 × 0.01
        k.CostPerOrder.ShouldBe(3.055m);
        k.MinutesSaved.ShouldBe(24);
        k.FteSaved.ShouldBe(Math.Round(24.0 / 60 / (160 * 1 / 30.4375), 3));
        (k.RuleTimeToMarket, k.RulesPublished).ShouldBe((172800d, 1L));
        report.Previous.Orders.ShouldBe(0);
        report.Days.ShouldBe([new KpiDay(new DateOnly(2031, 5, 6), 1, 1)]);

        var staffOnly = await InScopeAsync(sp =>
            sp.GetRequiredService<KpiCalculator>().ReportAsync(day with { Segment = AnalyticsSegments.Staff },
            AnalyticsCosts.Default, default));
        (staffOnly.Current.Orders, staffOnly.Current.TouchlessOrders).ShouldBe((1L, 0L));
    }

    [Fact]
    public async Task The_Xes_Export_Should_Validate_Against_The_Ieee_Schema_And_Ocel_Should_Round_Trip()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var customer = Guid.NewGuid();
        var t = new DateTimeOffset(2031, 7, 1, 9, 0, 0, TimeSpan.Zero);
        var run = Guid.NewGuid();
        await WriteAsync(Step(a, t, "order.created", customer: customer), Step(a, t.AddMinutes(3), "status.reserved", customer: customer),
            Step(b, t.AddMinutes(1), "order.created", customer: customer), Step(b, t.AddMinutes(9), "status.cancelled",
                ResourceKinds.Human),
            new EventLogEntry(Guid.NewGuid(), t.AddMinutes(3), ObjectTypes.Run, run, null, "run.completed", "Reserve <stock> & \"go\"",
                ResourceKinds.Rule, null, "completed", a, null, null, "test"));
        var export = new EventLogExport(t.AddDays(-1), t.AddDays(1), null);

        using var xes = new MemoryStream();
        var traced = await InScopeAsync(sp => sp.GetRequiredService<EventLogExporter>().WriteXesAsync(xes, export, default));
        traced.ShouldBe(4);
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Analytics", "xes-ieee-1849-2016.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add(e.Message);
        xes.Position = 0;
        var document = new XmlDocument();
        using (var reader = XmlReader.Create(xes, settings)) document.Load(reader);
        problems.ShouldBeEmpty();
        document.SelectNodes("/log/trace")!.Count.ShouldBe(2);
        document.SelectNodes("/log/trace/event")!.Count.ShouldBe(4);
        document.SelectNodes("/log/extension")!.Cast<XmlElement>().Select(e => e.GetAttribute("prefix"))
            .ShouldBe(["concept", "time", "lifecycle", "org"]);

        using var ocel = new MemoryStream();
        var events = await InScopeAsync(sp => sp.GetRequiredService<EventLogExporter>().WriteOcelAsync(ocel, export, default));
        events.ShouldBe(5);
        var root = JsonDocument.Parse(ocel.ToArray()).RootElement;
        var objects = root.GetProperty("objects").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!,
            o => o.GetProperty("type").GetString()!);
        objects[EventLogExporter.ObjectId("order", a)].ShouldBe("order");
        objects[EventLogExporter.ObjectId("run", run)].ShouldBe("run");
        objects[EventLogExporter.ObjectId("customer", customer)].ShouldBe("customer");
        var types = root.GetProperty("objectTypes").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToList();
        objects.Values.Distinct().ShouldAllBe(type => types.Contains(type));
        var eventTypes = root.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        var parsed = root.GetProperty("events").EnumerateArray().ToList();
        parsed.Count.ShouldBe(5);
        foreach (var e in parsed)
        {
            eventTypes.ShouldContain(e.GetProperty("type").GetString());
            foreach (var relation in e.GetProperty("relationships").EnumerateArray())
                objects.ShouldContainKey(relation.GetProperty("objectId").GetString()!);
        }
        var runEvent = parsed.Single(e => e.GetProperty("type").GetString() == "run.completed");
        runEvent.GetProperty("relationships").EnumerateArray().Select(r => r.GetProperty("objectId").GetString())
            .ShouldBe([EventLogExporter.ObjectId("run", run), EventLogExporter.ObjectId("order", a)]);
        runEvent.GetProperty("attributes").EnumerateArray().First().GetProperty("value").GetString().ShouldBe("Reserve <stock> & \"go\"");
    }

    [Fact]
    public async Task A_Real_Order_Should_Reach_The_Log_Through_The_Inbox_And_Be_Exported_To_Its_Partner_Only()
    {
        var placed = await app.PlaceOrderAsync("analytics-1", "analytics.one@example.com", "Ana Lytics");
        var orderId = placed.GetProperty("id").GetGuid();
        var steps = await Eventually.WaitForAsync(() => InScopeAsync(sp => sp.GetRequiredService<AnalyticsDbContext>().Events
            .Where(e => e.CaseId == orderId).OrderBy(e => e.OccurredAt).Select(e => e.Activity).ToListAsync()),
            s => s.Contains("status.completed"), TimeSpan.FromSeconds(90));
        steps[0].ShouldBe("order.created");
        var summary = await InScopeAsync(sp => sp.GetRequiredService<AnalyticsDbContext>().Cases.SingleAsync(c => c.CaseId == orderId));
        summary.Variant.ShouldStartWith("order.created > ");
        summary.HumanSteps.ShouldBe(0);

        // Rebuilt from the order's own history after the log lost it: the same steps, once each.
        var before = await CountAsync(orderId);
        await app.ExecuteSqlAsync($"DELETE FROM analytics.events WHERE case_id = '{orderId}' AND activity <> 'order.created'");
        var read = await InScopeAsync(sp => sp.GetRequiredService<EventLogRebuilder>().RebuildOrdersAsync(null, default));
        read.ShouldBeGreaterThanOrEqualTo(1);
        (await CountAsync(orderId)).ShouldBe(before);
        await InScopeAsync(sp => sp.GetRequiredService<EventLogRebuilder>().RebuildOrdersAsync(null, default));
        (await CountAsync(orderId)).ShouldBe(before);

        using var owner = app.Http(await app.CreatePartnerKeyAsync("analytics-owner", "analytics.read"));
        using var other = app.Http(await app.CreatePartnerKeyAsync("analytics-other", "analytics.read"));
        using var noScope = app.Http(await app.CreatePartnerKeyAsync("analytics-noscope", "orders.read"));
        var mine = await owner.GetStringAsync("/api/v1/analytics/event-log?format=ocel");
        var theirs = await other.GetStringAsync("/api/v1/analytics/event-log?format=xes");

        (await noScope.GetAsync("/api/v1/analytics/event-log")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await owner.GetAsync("/api/v1/analytics/event-log?format=csv&from=yesterday");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        (errors.TryGetProperty("format", out _), errors.TryGetProperty("from", out _)).ShouldBe((true, true));
        // The order was placed by the sandbox fixture's own partner: neither of these partners sees it.
        mine.ShouldNotContain(orderId.ToString());
        theirs.ShouldNotContain(orderId.ToString());
        var partnerOfOrder = await InScopeAsync(sp => sp.GetRequiredService<AnalyticsDbContext>().Events
            .Where(e => e.CaseId == orderId).Select(e => e.PartnerId).FirstAsync());
        partnerOfOrder.ShouldNotBeNull();
        using var fixturePartner = app.CreatePartnerClient();
        var own = await fixturePartner.GetAsync("/api/v1/analytics/event-log?format=xes");
        if (own.StatusCode == HttpStatusCode.OK) (await own.Content.ReadAsStringAsync()).ShouldContain(orderId.ToString());
        else own.StatusCode.ShouldBe(HttpStatusCode.Forbidden); // the fixture's key may not hold analytics.read
    }

    [Fact]
    public async Task The_Dashboard_Map_And_Drill_Down_Should_Render_For_A_Manager_And_Refuse_Support()
    {
        using var manager = await app.SignInAsStaffAsync("analytics.manager@example.com", "sales");
        var dashboard = await manager.GetAsync("/Analytics");
        dashboard.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await dashboard.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"kpis\"");
        var map = await manager.GetStringAsync("/Analytics/Map?from=2031-03-01&to=2031-03-03&paths=50");
        map.ShouldContain("data-testid=\"process-map\"");
        (await manager.GetAsync("/Analytics/Cases?kind=edge&from_activity=order.created&to_activity=status.picking")).StatusCode
            .ShouldBe(HttpStatusCode.OK);
        var wrong = await manager.GetStringAsync("/Analytics?from=2031-05-01&to=2031-04-01");
        wrong.ShouldContain("data-testid=\"period-problem\"");
        // Dates at the calendar's ends are no error page.
        (await manager.GetAsync("/Analytics/Map?from=0001-01-01&to=9999-12-31")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await manager.GetAsync("/Analytics/Cases?to=9999-12-31&from=9999-12-31&kind=nonsense&deviation=x")).StatusCode
            .ShouldBe(HttpStatusCode.OK);
        (await manager.GetAsync("/Analytics/Cases?handler=Csv&from=2031-05-06&to=2031-05-06")).Content.Headers.ContentType!.MediaType
            .ShouldBe("text/csv");

        // The sales role may look but not rebuild; an admin rebuilds in the background and watches its progress.
        (await HyperCrm.TestBase.HyperCrmWebApplicationFactory.PostFormAsync(manager, "/Analytics?handler=Rebuild",
            new Dictionary<string, string>(), "/Analytics")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        using var admin = await app.SignInAsync();
        var rebuild = await HyperCrm.TestBase.HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Analytics?handler=Rebuild",
            new Dictionary<string, string>(), "/Analytics");
        rebuild.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        rebuild.Headers.Location!.ToString().ShouldContain("rebuilding=true");
        var done = await Eventually.WaitForAsync(() => admin.GetStringAsync(rebuild.Headers.Location!.ToString()),
            html => html.Contains("data-testid=\"rebuilt\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        done.ShouldNotContain("data-testid=\"analytics-progress\"");
        // The progress bar's poll: finished (or unknown) work tells htmx to reload the page with its results.
        var poll = await admin.GetAsync("/Analytics/Map?handler=Progress&work=rebuild");
        poll.StatusCode.ShouldBe(HttpStatusCode.OK);
        poll.Headers.GetValues("HX-Refresh").ShouldBe(["true"]);

        using var support = await app.SignInAsStaffAsync("analytics.support@example.com", "support");
        (await support.GetAsync("/Analytics")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    private Task<int> CountAsync(Guid caseId) =>
        InScopeAsync(sp => sp.GetRequiredService<AnalyticsDbContext>().Events.CountAsync(e =>
            e.CaseId == caseId && e.Source != "robots.job.finished"));

    private static EventLogEntry Step(Guid order, DateTimeOffset at, string activity, string kind = ResourceKinds.Rule,
        Guid? partner = null,
        long? ms = null, Guid? customer = null) =>
        new(Guid.NewGuid(), at, ObjectTypes.Order, order, order.ToString()[..6], activity, kind == ResourceKinds.Human ? "Olga"
            : "playbook",
            kind, ms, null, order, customer, partner, "test");

    private static EventLogEntry Run(Guid run, DateTimeOffset at, string activity, string outcome) =>
        new(Guid.NewGuid(), at, ObjectTypes.Run, run, null, activity, "Reserve", ResourceKinds.Rule, null, outcome, null, null, null,
            "test");

    private Task<bool> WriteAsync(params EventLogEntry[] entries) => InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AnalyticsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var entry in entries) await sp.GetRequiredService<EventLogWriter>().AppendAsync([entry], default);
        await transaction.CommitAsync();
        return true;
    });

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
