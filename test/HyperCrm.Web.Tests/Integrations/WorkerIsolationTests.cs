using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>Background work is leased, called and committed per item: one bad item never holds back or rolls back the others.</summary>
public sealed class WorkerIsolationTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_Pick_Task_The_Wms_Cannot_Answer_Should_Not_Hold_Back_The_Others()
    {
        using var http = app.Http();
        var created = await http.PostAsJsonAsync("/sandbox/wms/pick-tasks", new { reference = "isolation",
            lines = new[] { new { sku = "SKU-001", quantity = 1 } } });
        created.EnsureSuccessStatusCode();
        var realTask = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var broken = Guid.NewGuid();
        var real = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            var past = DateTimeOffset.UtcNow.AddHours(-1);
            var unknown = new OrderFulfilment(broken, past);
            unknown.PickTaskCreated(Guid.NewGuid().ToString(), past); // the WMS answers 404 for it, every time
            var known = new OrderFulfilment(real, past);
            known.PickTaskCreated(realTask, past.AddMinutes(1));
            db.Fulfilments.AddRange(unknown, known);
            await db.SaveChangesAsync();
        }

        var picked = await Eventually.WaitForAsync(() => PickStatusAsync(real), s => s == "picked", Patience);
        picked.ShouldBe("picked");
        (await PickStatusAsync(broken)).ShouldBe("open");
    }

    [Fact]
    public async Task A_Delivery_That_Cannot_Even_Be_Sent_Should_Not_Stop_The_Others()
    {
        using var partner = app.Http(await app.CreatePartnerKeyAsync("isolation-partner"));
        // Both endpoints answer 405 to a POST: an attempt that is logged and retried, which is all this test needs.
        var target = app.BaseUrl + "/health/live";
        var good = (await (await partner.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = target,
            events = new[] { "order.created" } }))
            .Content.ReadFromJsonAsync<JsonObject>())!["subscription"]!["id"]!.GetValue<Guid>();
        var bad = (await (await partner.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = target + "?bad",
            events = new[] { "order.created" } }))
            .Content.ReadFromJsonAsync<JsonObject>())!["subscription"]!["id"]!.GetValue<Guid>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A stored URL the HTTP client cannot even use (a relative one): sending it throws before any request is made.
            await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Database
                .ExecuteSqlInterpolatedAsync($"UPDATE integrations.webhook_subscriptions SET url = 'relative/path' WHERE id = {bad}");
        }

        (await partner.PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "isolation-1", currency = "RUB", customer = new { email = "isolation@example.com", name = "Isolation" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" }, paymentMethod = "card",
            lines = new[] { new { sku = "SKU-011", quantity = 1, unitPrice = 100m } },
        })).EnsureSuccessStatusCode();

        var attempts = await Eventually.WaitForAsync(() => AttemptsAsync(good), n => n > 0, Patience);
        attempts.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_Run_Waiting_On_A_Slow_Connector_Should_Hold_No_Database_Lock()
    {
        // Every ERP call takes 3 s: the order's first connector step is in flight for that long.
        await app.FaultAsync("erp", "slow", 300, delaySeconds: 3);
        try
        {
            using var http = app.Http();
            var placed = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", SandboxFixture.OrderBody("slow-erp-1",
                "slow.erp@example.com", "SKU-012"), SandboxFixture.ShopSecret));
            placed.EnsureSuccessStatusCode();
            var orderId = (await placed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

            // Until the ERP has answered, keep trying to lock the order's fulfilment run without waiting: a worker that held
            // its run's row across the call would refuse every try. (The other rules' runs about the order, a deal and the
            // like, hold their rows for the milliseconds their in-process steps take.)
            var probes = 0;
            var refused = 0;
            await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await Eventually.WaitForAsync(async () =>
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await using var probe =
                    new Npgsql.NpgsqlCommand("SELECT count(*) FROM (SELECT id FROM automation.runs WHERE subject_id = @order " +
                        "AND rule_name = 'Orders go to the ERP, the warehouse and the courier' FOR UPDATE NOWAIT) locked", connection,
                        transaction);
                probe.Parameters.AddWithValue("order", orderId);
                try
                {
                    if ((long)(await probe.ExecuteScalarAsync())! > 0) probes++;
                }
                catch (Npgsql.PostgresException ex) when (ex.SqlState == Npgsql.PostgresErrorCodes.LockNotAvailable)
                {
                    refused++;
                }
                await transaction.RollbackAsync();
                return await app.CountAsync("erp", "customer_order.create", orderId);
            }, n => n > 0, Patience, TimeSpan.FromMilliseconds(100));

            (await app.CountAsync("erp", "customer_order.create", orderId)).ShouldBe(1);
            probes.ShouldBeGreaterThan(0);
            refused.ShouldBe(0);
        }
        finally
        {
            await app.FaultAsync("erp", "ok", 0);
        }
    }

    private async Task<string?> PickStatusAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Fulfilments.AsNoTracking()
            .Where(f => f.Id == orderId).Select(f => f.PickStatus).FirstAsync();
    }

    private async Task<int> AttemptsAsync(Guid subscriptionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        return await db.Attempts.AsNoTracking().CountAsync(a => db.Deliveries.Any(d => d.Id == a.DeliveryId
            && d.SubscriptionId == subscriptionId));
    }
}
