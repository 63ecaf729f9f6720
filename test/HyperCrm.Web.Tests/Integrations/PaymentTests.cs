using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Rules;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// Card orders at the sandbox payment gateway: authorized at intake, captured at shipment, once even when the capture
/// is retried; a declined card puts the order on hold with the gateway's reason and a task for a person, and paying
/// later releases it to ship; a late answer comes by the gateway's signed webhook; nothing ends in dead letters.
/// </summary>
public sealed class PaymentTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_Declined_Card_Should_Hold_The_Order_With_A_Task_And_Paying_Later_Should_Ship_It()
    {
        await ModeAsync("decline");
        Guid orderId;
        long number;
        try
        {
            var order = await app.PlaceOrderAsync("pay-declined", "pay.declined@example.com", "Отказ Карты", "SKU-031");
            (orderId, number) = (order.GetProperty("id").GetGuid(), order.GetProperty("number").GetInt64());
            var held = await OrderAsync(orderId, o => o.GetProperty("status").GetString() == "on_hold");
            held.GetProperty("paymentState").GetString().ShouldBe("declined");
            held.GetProperty("paymentReason").GetString().ShouldBe("insufficient funds");
        }
        finally
        {
            await ModeAsync("approve");
        }
        await Eventually.WaitForAsync(() => TasksAsync($"Order #{number}: the card payment was declined%"), n => n == 1,
            TimeSpan.FromSeconds(60));
        var timeline = await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}/timeline");
        timeline.EnumerateArray().ShouldContain(s => s.GetProperty("what").GetString() == "status.on_hold"
            && s.GetProperty("reason").GetString()!.Contains("insufficient funds"));
        (await app.LedgerAsync("erp")).Count(e => e!["reference"]?.GetValue<string>() == orderId.ToString())
            .ShouldBe(0, "nothing is ordered from the ERP before the card is good");

        using var http = app.Http();
        (await http.PostAsync($"/sandbox/payments/payments/{await PaymentIdAsync(orderId)}/pay", null)).EnsureSuccessStatusCode();

        var shipped = await OrderAsync(orderId, o => o.GetProperty("status").GetString() is "shipped" or "delivered" or "completed");
        await OrderAsync(orderId, o => o.GetProperty("paymentState").GetString() == "captured");
        (await app.CountAsync("payments", "payment.authorize", orderId)).ShouldBe(1, "paying later is the same payment, not a new one");
        (await app.CountAsync("payments", "payment.capture", orderId)).ShouldBe(1);
        shipped.GetProperty("trackingNumber").GetString().ShouldNotBeNullOrEmpty();
        (await RunStatesAsync(orderId)).ShouldNotContain(RunState.DeadLettered);
    }

    [Fact]
    public async Task A_Capture_Retried_After_The_Gateway_Failed_Should_Capture_Once()
    {
        var orderId = (await app.PlaceOrderAsync("pay-retried", "pay.retried@example.com", "Повтор Списания", "SKU-032"))
            .GetProperty("id").GetGuid();
        await Eventually.WaitForAsync(() => app.CountAsync("payments", "payment.authorize", orderId), n => n == 1,
            TimeSpan.FromSeconds(60));
        await app.FaultAsync("payments", "fail", 600);
        try
        {
            await Eventually.WaitForAsync(() => StepStatesAsync(orderId, "capture"), s => s.Contains(StepState.Retrying),
                TimeSpan.FromSeconds(90));
        }
        finally
        {
            await app.FaultAsync("payments", "ok", 0);
        }
        await ForceDueAsync(orderId);

        await OrderAsync(orderId, o => o.GetProperty("paymentState").GetString() == "captured");
        (await app.CountAsync("payments", "payment.capture", orderId)).ShouldBe(1);
        (await RunStatesAsync(orderId)).ShouldNotContain(RunState.DeadLettered);
    }

    [Fact]
    public async Task A_Late_Answer_Should_Come_By_Webhook_And_The_Order_Should_Go_On()
    {
        await ModeAsync("late", seconds: 1);
        try
        {
            var orderId = (await app.PlaceOrderAsync("pay-late", "pay.late@example.com", "Поздний Ответ", "SKU-033"))
                .GetProperty("id").GetGuid();
            await OrderAsync(orderId, o => o.GetProperty("paymentState").GetString() is "pending" or "authorized" or "captured");
            await OrderAsync(orderId, o => o.GetProperty("paymentState").GetString() == "captured");
            (await app.CountAsync("payments", "webhook.authorized", orderId)).ShouldBe(1);
            (await app.CountAsync("payments", "payment.capture", orderId)).ShouldBe(1);
        }
        finally
        {
            await ModeAsync("approve");
        }
    }

    [Fact]
    public async Task A_Cash_Order_Should_Never_Reach_The_Gateway()
    {
        var placed = await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "pay-cash", currency = "RUB", paymentMethod = "cash",
            customer = new { email = "pay.cash@example.com", name = "Наличные" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-034", quantity = 1, unitPrice = 100m } },
        });
        placed.EnsureSuccessStatusCode();
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var shipped = await OrderAsync(orderId, o => o.GetProperty("status").GetString() is "shipped" or "delivered" or "completed");

        shipped.TryGetProperty("paymentState", out var state).ShouldBeTrue();
        state.ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.LedgerAsync("payments")).Count(e => e!["reference"]?.GetValue<string>() == orderId.ToString()).ShouldBe(0);
    }

    private async Task ModeAsync(string mode, double? seconds = null)
    {
        using var http = app.Http();
        (await http.PostAsJsonAsync("/sandbox/payments/mode", new { mode, seconds })).EnsureSuccessStatusCode();
    }

    private Task<JsonElement> OrderAsync(Guid orderId, Func<JsonElement, bool> done) =>
        Eventually.WaitForAsync(() => app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}"), done,
            TimeSpan.FromSeconds(90));

    private async Task<string> PaymentIdAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<HyperCrm.Integrations.Data.IntegrationsDbContext>().Fulfilments
            .AsNoTracking().Where(f => f.Id == orderId).Select(f => f.PaymentId).SingleAsync())!;
    }

    private async Task<long> TasksAsync(string titleLike) =>
        Convert.ToInt64(await app.ScalarAsync($"SELECT count(*) FROM activities.tasks WHERE title LIKE '{titleLike.Replace("'",
            "''", StringComparison.Ordinal)}'"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<RunState>> RunStatesAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutomationDbContext>().Runs.AsNoTracking()
            .Where(r => r.SubjectId == orderId).Select(r => r.State).ToListAsync();
    }

    private async Task<List<StepState>> StepStatesAsync(Guid orderId, string stepId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutomationDbContext>();
        var runs = db.Runs.Where(r => r.SubjectId == orderId).Select(r => r.Id);
        return await db.RunSteps.AsNoTracking().Where(s => runs.Contains(s.RunId) && s.StepId == stepId).Select(s => s.State)
            .ToListAsync();
    }

    /// <summary>The retry's backoff is seconds long: the test makes the order's retrying runs due now instead of sleeping.</summary>
    private Task ForceDueAsync(Guid orderId) =>
        app.ExecuteSqlAsync($"UPDATE automation.runs SET next_attempt_at = now() WHERE subject_id = '{orderId}' AND state = 'Running'" +
            " AND next_attempt_at > now()");
}
