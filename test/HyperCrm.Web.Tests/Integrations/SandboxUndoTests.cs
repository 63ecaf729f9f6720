using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// The simulators undo what they were asked to, once each, and keep to it: a cancelled shipment is never delivered
/// (a shipment booked after it is), a picked task is put back on the shelves, a captured payment cannot be voided.
/// </summary>
public sealed class SandboxUndoTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_Cancelled_Shipment_Should_Never_Be_Delivered_And_Cancelling_Twice_Should_Be_Ledgered_Once()
    {
        using var http = app.Http();
        var cancelled = await ShipAsync(http, "undo-ship-1");
        var first = await http.PostAsync($"/sandbox/courier/shipments/{cancelled}/cancel", null);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.PostAsync($"/sandbox/courier/shipments/{cancelled}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var control = await ShipAsync(http, "undo-ship-2");

        // The control, booked later, is delivered (its webhook is even refused: no order has it); the cancelled one is not.
        await Eventually.WaitForAsync(() => StatusAsync(http, control), s => s == "delivered", TimeSpan.FromSeconds(60));
        (await StatusAsync(http, cancelled)).ShouldBe("cancelled");
        (await app.LedgerAsync("courier")).Count(e => e!["operation"]!.GetValue<string>() == "shipment.cancel"
            && e["payload"]?["trackingNumber"]?.GetValue<string>() == cancelled).ShouldBe(1);
        (await http.PostAsync($"/sandbox/courier/shipments/{control}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_Picked_Task_Cancelled_Should_Be_Restocked_Once()
    {
        using var http = app.Http();
        var created = await http.PostAsJsonAsync("/sandbox/wms/pick-tasks",
            new { reference = "undo-pick", lines = new[] { new { sku = "SKU-040", quantity = 2, price = 0m } } });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.WaitForAsync(() => http.GetFromJsonAsync<JsonElement>($"/sandbox/wms/pick-tasks/{id}"),
            t => t.GetProperty("status").GetString() == "picked", TimeSpan.FromSeconds(30));

        var restocked = await (await http.PostAsync($"/sandbox/wms/pick-tasks/{id}/cancel", null)).Content
            .ReadFromJsonAsync<JsonElement>();
        await http.PostAsync($"/sandbox/wms/pick-tasks/{id}/cancel", null);

        restocked.GetProperty("status").GetString().ShouldBe("restocked");
        (await app.LedgerAsync("wms")).Count(e => e!["reference"]?.GetValue<string>() == "undo-pick"
            && e["operation"]!.GetValue<string>() == "pick_task.restock").ShouldBe(1);
    }

    [Fact]
    public async Task A_Captured_Payment_Should_Refuse_A_Void_And_Be_Refunded_Once()
    {
        using var http = app.Http();
        var authorized = await http.PostAsJsonAsync("/sandbox/payments/payments", new { reference = "undo-pay", amount = 990m,
            currency = "RUB" });
        authorized.EnsureSuccessStatusCode();
        var id = (await authorized.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        (await http.PostAsync($"/sandbox/payments/payments/{id}/capture", null)).EnsureSuccessStatusCode();
        (await http.PostAsync($"/sandbox/payments/payments/{id}/capture", null)).EnsureSuccessStatusCode();
        (await http.PostAsync($"/sandbox/payments/payments/{id}/void", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await http.PostAsync($"/sandbox/payments/payments/{id}/refund", null)).EnsureSuccessStatusCode();
        (await http.PostAsync($"/sandbox/payments/payments/{id}/refund", null)).EnsureSuccessStatusCode();

        var ledger = (await app.LedgerAsync("payments")).Where(e => e!["reference"]?.GetValue<string>() == "undo-pay")
            .Select(e => e!["operation"]!.GetValue<string>()).ToList();
        ledger.ShouldBe(["payment.authorize", "payment.capture", "payment.refund"]);
    }

    private static async Task<string> ShipAsync(HttpClient http, string reference)
    {
        var created = await http.PostAsJsonAsync("/sandbox/courier/shipments",
            new { reference, recipient = "Проверка Отмены", address = "Москва, ул. Тверская, 1" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
    }

    private static async Task<string?> StatusAsync(HttpClient http, string tracking) =>
        (await http.GetFromJsonAsync<JsonElement>($"/sandbox/courier/shipments/{tracking}")).GetProperty("status").GetString();
}
