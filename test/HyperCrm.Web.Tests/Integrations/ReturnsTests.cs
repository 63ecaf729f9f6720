using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// An order that has shipped cannot be cancelled by its partner (409 naming the state); for staff, cancelling it is a
/// return, as is the courier's "returned". Either way the returns rule brings the goods back in the ERP with one return
/// document (the stock is on hand again), tells the customer, and refunds a card payment at the gateway once (anything
/// else goes to a person as a refund task).
/// </summary>
public sealed class ReturnsTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_Completed_Card_Order_Cancelled_By_Staff_Should_Be_Returned_Once_With_Stock_Back_And_The_Card_Refunded()
    {
        var onHand = (await app.ErpStockAsync("SKU-021")).OnHand;
        var order = await app.PlaceOrderAsync("return-by-staff", "return.staff@example.com", "Возврат Персоналом", "SKU-021");
        var orderId = order.GetProperty("id").GetGuid();
        var number = order.GetProperty("number").GetInt64();
        await StatusAsync(orderId, "completed");
        (await app.ErpStockAsync("SKU-021")).OnHand.ShouldBe(onHand - 1);

        var refused = await app.CreatePartnerClient().PostAsJsonAsync($"/api/v1/orders/{orderId}/cancel", new { reason = "too late" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Sales:AlreadyShipped");
        problem.GetProperty("detail").GetString()!.ShouldContain("completed", Case.Insensitive);

        var support = await app.SignInAsStaffAsync("support.returns@example.com", "support");
        var moved = await HyperCrmWebApplicationFactory.PostFormAsync(support, $"/Orders/Details?id={orderId}",
            new Dictionary<string, string> { ["move"] = "Cancel", ["reason"] = "the customer sent it back" });
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await moved.Content.ReadAsStringAsync());

        await StatusAsync(orderId, "returned");
        await Eventually.WaitForAsync(() => app.CountAsync("erp", "return.post", orderId), n => n == 1, TimeSpan.FromSeconds(60));
        await Eventually.WaitForAsync(async () => (await app.ErpStockAsync("SKU-021")).OnHand, n => n == onHand,
            TimeSpan.FromSeconds(30));
        await Eventually.WaitForAsync(() => app.CountAsync("payments", "payment.refund", orderId), n => n == 1,
            TimeSpan.FromSeconds(60));
        var told = await Eventually.WaitForAsync(() => app.LedgerAsync("mail"), l => l.Any(e => IsFor(e, orderId)
            && e!["payload"]!["subject"]?.GetValue<string>() == $"Order #{number} returned"), TimeSpan.FromSeconds(60));
        told.Count(e => IsFor(e, orderId) && e!["payload"]!["subject"]?.GetValue<string>() == $"Order #{number} returned").ShouldBe(1);
        (await app.CountAsync("erp", "return.post", orderId)).ShouldBe(1);
        (await app.CountAsync("courier", "shipment.cancel", orderId)).ShouldBe(0);
        (await app.CountAsync("payments", "payment.capture", orderId)).ShouldBe(1);
        (await RefundTasksAsync(number)).ShouldBe(0, "the gateway refunded the card: nothing for a person to do");
        await Eventually.WaitForAsync(() => app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}"),
            o => o.GetProperty("paymentState").GetString() == "refunded", TimeSpan.FromSeconds(30));
        await NoDeadLettersAsync(orderId);
    }

    [Fact]
    public async Task The_Couriers_Returned_Should_Return_A_Cash_Order_With_One_Return_Document_And_A_Refund_Task()
    {
        var placed = await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "return-by-courier", currency = "RUB", paymentMethod = "cash",
            customer = new { email = "return.courier@example.com", name = "Возврат Курьером" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-022", quantity = 1, unitPrice = 100m } },
        });
        placed.EnsureSuccessStatusCode();
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();
        var completed = await StatusAsync(orderId, "completed");
        var tracking = completed.GetProperty("trackingNumber").GetString()!;

        using var http = app.Http();
        (await http.PostAsync($"/sandbox/courier/shipments/{tracking}/return", null)).EnsureSuccessStatusCode();

        await StatusAsync(orderId, "returned");
        await Eventually.WaitForAsync(() => app.CountAsync("erp", "return.post", orderId), n => n == 1, TimeSpan.FromSeconds(60));
        await Eventually.WaitForAsync(() => app.CountAsync("courier", "webhook.returned", orderId), n => n == 1,
            TimeSpan.FromSeconds(30));
        (await http.PostAsync($"/sandbox/courier/shipments/{tracking}/return", null)).EnsureSuccessStatusCode();
        (await app.CountAsync("courier", "shipment.return", orderId)).ShouldBe(1);
        (await app.CountAsync("erp", "return.post", orderId)).ShouldBe(1);
        await Eventually.WaitForAsync(() => RefundTasksAsync(order.GetProperty("number").GetInt64()), n => n == 1,
            TimeSpan.FromSeconds(60));
        (await app.LedgerAsync("payments")).Count(e => IsFor(e, orderId)).ShouldBe(0, "a cash order never reaches the gateway");
        await NoDeadLettersAsync(orderId);
    }

    /// <summary>No run about the order ended in dead letters: a return is an ordinary business event.</summary>
    private async Task NoDeadLettersAsync(Guid orderId) =>
        Convert.ToInt64(await app.ScalarAsync($"SELECT count(*) FROM automation.runs WHERE subject_id = '{orderId}' " +
            "AND state = 'DeadLettered'"), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0);

    private static bool IsFor(System.Text.Json.Nodes.JsonNode? entry, Guid orderId) =>
        entry!["reference"]?.GetValue<string>() == orderId.ToString();

    private Task<JsonElement> StatusAsync(Guid orderId, string status) =>
        Eventually.WaitForAsync(() => app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}"),
            o => o.GetProperty("status").GetString() == status, TimeSpan.FromSeconds(90));

    private async Task<long> RefundTasksAsync(long number) =>
        Convert.ToInt64(await app.ScalarAsync($"SELECT count(*) FROM activities.tasks WHERE title LIKE 'Refund order #{number}:%'"),
            System.Globalization.CultureInfo.InvariantCulture);
}
