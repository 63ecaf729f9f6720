using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperCrm.Integrations.Data;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// One secret per inbound channel: a shop's secret signs its orders and nothing else, a courier reports on the shipments
/// booked with it only, and a redelivered shop order is one order even when the first attempt died half-way.
/// </summary>
public sealed class InboundWebhookChannelTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task The_Inbound_Log_Shows_Each_Webhook_With_Its_Outcome_And_Only_The_Start_Of_A_Long_Body()
    {
        using var http = app.Http();
        var note = new string('x', 6000);
        var body = SandboxFixture.OrderBody("inbound-log-1", "inbound.log@example.com")
            .Replace("\"externalId\":\"inbound-log-1\"", $"\"externalId\":\"inbound-log-1\",\"note\":\"{note}\"", StringComparison.Ordinal);
        body.ShouldContain(note);
        (await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret,
            "msg_inbound_log_1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var admin = await app.SignInAsync();

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Settings/Integrations/Inbound"));

        page.ShouldContain("msg_inbound_log_1");
        page.ShouldContain("shop/demo");
        page.ShouldContain("Processed");
        page.ShouldContain("inbound-log-1");
        page.ShouldNotContain(note);
        page.ShouldContain(note[..1000]);
    }

    [Fact]
    public async Task A_Shop_Secret_Should_Not_Sign_Courier_Statuses_And_A_Courier_Should_Report_Only_On_Its_Own_Shipments()
    {
        using var http = app.Http();
        // An order for stock the ERP lacks: it waits, with ERP documents but no shipment.
        var placed = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", SandboxFixture.OrderBody("channels-1",
            "channels@example.com", "OOS-003"), SandboxFixture.ShopSecret));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await Eventually.WaitForAsync(() => StatusAsync(orderId), s => s == OrderStatus.AwaitingStock, TimeSpan.FromSeconds(90));

        // The shop partner signs a "delivered" with its own shop secret and posts it as a courier named like itself.
        var forged = await http.SendAsync(SandboxFixture.Signed("/hooks/courier/demo", Delivered(orderId), SandboxFixture.ShopSecret,
            "msg_forged_1"));
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // A real courier, but the order has no shipment booked with it (or with anyone).
        var notBooked = await http.SendAsync(SandboxFixture.Signed("/hooks/courier/sandbox", Delivered(orderId),
            SandboxFixture.CourierSecret, "msg_not_booked_1"));
        notBooked.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var otherCourier = await http.SendAsync(SandboxFixture.Signed("/hooks/courier/other", Delivered(orderId),
            SandboxFixture.OtherCourierSecret, "msg_other_1"));
        otherCourier.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        // A shop secret does not sign rule-trigger events either.
        var events = await http.SendAsync(SandboxFixture.Signed("/hooks/events/demo", "{\"type\":\"lead.created\"}",
            SandboxFixture.ShopSecret, "msg_forged_event"));
        events.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await StatusAsync(orderId)).ShouldBe(OrderStatus.AwaitingStock);
        await using var scope = app.Services.CreateAsyncScope();
        var fulfilment = await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Fulfilments.AsNoTracking()
            .SingleAsync(f => f.Id == orderId);
        fulfilment.ShipmentStatus.ShouldBeNull();
    }

    [Fact]
    public async Task A_Shipped_Order_Should_Take_Only_Known_Statuses_From_Its_Own_Courier()
    {
        using var http = app.Http();
        var placed = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", SandboxFixture.OrderBody("channels-2",
            "channels2@example.com", "SKU-007"), SandboxFixture.ShopSecret));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var tracking = await Eventually.WaitForAsync(() => TrackingAsync(orderId), t => t is not null, TimeSpan.FromSeconds(90));

        var unknown = await http.SendAsync(SandboxFixture.Signed("/hooks/courier/sandbox", Status(tracking!, "teleported"),
            SandboxFixture.CourierSecret, "msg_unknown_status"));
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var stranger = await http.SendAsync(SandboxFixture.Signed("/hooks/courier/other", Status(tracking!, "returned"),
            SandboxFixture.OtherCourierSecret, "msg_other_returned"));
        stranger.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var own = await http.SendAsync(SandboxFixture.Signed("/hooks/courier/sandbox", Status(tracking!, "in_transit"),
            SandboxFixture.CourierSecret, "msg_in_transit"));
        own.StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        (await db.InboundWebhooks.AsNoTracking().SingleAsync(w => w.WebhookId == "msg_unknown_status"))
            .State.ShouldBe(HyperCrm.Integrations.Domain.InboundState.Rejected);
        (await db.InboundWebhooks.AsNoTracking().SingleAsync(w => w.WebhookId == "msg_other_returned"))
            .State.ShouldBe(HyperCrm.Integrations.Domain.InboundState.Rejected);
    }

    [Fact]
    public async Task Every_Refused_Signature_Should_Get_The_Same_Answer_Whether_Or_Not_The_Source_Exists()
    {
        using var http = app.Http();
        var body = SandboxFixture.OrderBody("channels-3", "channels3@example.com");
        var known = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body,
            "whsec_" + Convert.ToBase64String(new byte[32])));
        var unknown = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/nobody/orders", body, SandboxFixture.ShopSecret));
        var malformed = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/NO_BODY/orders", body, SandboxFixture.ShopSecret));
        foreach (var response in new[] { known, unknown, malformed }) response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var details = new[] { known, unknown,
            malformed }.Select(r => r.Content.ReadFromJsonAsync<JsonObject>().Result!["detail"]!.GetValue<string>()).Distinct().ToList();
        details.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_Shop_Order_Redelivered_After_A_Crash_Half_Way_Should_Stay_One_Order()
    {
        using var http = app.Http();
        // No externalId: the webhook id stands for it.
        var body = SandboxFixture.OrderBody("unused", "crash@example.com").Replace("\"externalId\":\"unused\",", string.Empty,
            StringComparison.Ordinal);
        var first = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret, "msg_crash_1"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orderId = (await first.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // The first attempt stored the order, then died before the webhook row was marked processed.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE integrations.inbound_webhooks SET state = 'Received', processed_at = NULL, order_id = NULL, received_at = now() " +
                    "- interval '5 minutes' WHERE webhook_id = 'msg_crash_1'");
        }
        var again = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret, "msg_crash_1"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());

        await using var check = app.Services.CreateAsyncScope();
        var customerId = (await check.ServiceProvider.GetRequiredService<IOrderIntegrationService>().FindAsync(orderId))!.CustomerId;
        var orders = await check.ServiceProvider.GetRequiredService<IOrderAppService>()
            .GetListAsync(new GetOrderListInput { CustomerId = customerId });
        orders.Items.Count.ShouldBe(1);
    }

    private static string Delivered(Guid orderId) =>
        JsonSerializer.Serialize(new { type = "shipment.delivered", data = new { reference = orderId.ToString(), status = "delivered" } });

    private static string Status(string tracking, string status) =>
        JsonSerializer.Serialize(new { type = "shipment." + status, data = new { trackingNumber = tracking, status } });

    private async Task<OrderStatus> StatusAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IOrderIntegrationService>().FindAsync(orderId))!.Status;
    }

    private async Task<string?> TrackingAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().Fulfilments.AsNoTracking()
            .Where(f => f.Id == orderId).Select(f => f.TrackingNumber).FirstOrDefaultAsync();
    }
}
