using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HyperCrm.Integrations.Data;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>The order-to-delivery scenario through the sandbox over real HTTP, and the inbound webhooks' guarantees.</summary>
public sealed partial class OrderToDeliveryTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    private static readonly TimeSpan ScenarioTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task An_Order_From_The_Sandbox_Shop_Should_Ship_Be_Delivered_And_Close_Itself_With_One_Side_Effect_Each()
    {
        using var http = app.Http();
        var placed = await http.PostAsync("/sandbox/shop/orders", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Мария Shop", ["email"] = "maria.shop@example.com", ["phone"] = "+79160000001", ["city"] = "Москва", ["line1"] =
                "ул. Арбат, 5",
            ["sku"] = "SKU-003", ["quantity"] = "2",
        }));
        var page = await placed.Content.ReadAsStringAsync();
        placed.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        var orderId = Guid.Parse(CrmOrder().Match(page).Groups[1].Value);

        var order = await WaitForStatusAsync(orderId, OrderStatus.Completed);
        order.Status.ShouldBe(OrderStatus.Completed);
        order.TrackingNumber.ShouldNotBeNullOrWhiteSpace();

        // Every outside system did its part exactly once for this order.
        (await app.CountAsync("erp", "counterparty.create", orderId)).ShouldBe(1);
        (await app.CountAsync("erp", "customer_order.create", orderId)).ShouldBe(1);
        (await app.CountAsync("erp", "stock.reserve", orderId)).ShouldBe(1);
        (await app.CountAsync("wms", "pick_task.create", orderId)).ShouldBe(1);
        (await app.CountAsync("courier", "shipment.create", orderId)).ShouldBe(1);
        (await app.CountAsync("sms", "message.send", orderId)).ShouldBe(1);
        (await app.CountAsync("erp", "sale.post", orderId)).ShouldBe(1);
        var sms = (await app.LedgerAsync("sms")).Single(e => e!["reference"]?.GetValue<string>() == orderId.ToString())!;
        sms["payload"]!["text"]!.GetValue<string>().ShouldContain(order.TrackingNumber!);
        sms["payload"]!["to"]!.GetValue<string>().ShouldBe("+79160000001");

        // The order is on the sales board as a won deal in the Web orders pipeline, for its total.
        var deal = await Eventually.WaitForAsync(
            () => app.ScalarAsync($"SELECT state || ' ' || amount FROM sales.deals WHERE order_id = '{orderId}'"),
            d => d as string is { } text && text.StartsWith("Won", StringComparison.Ordinal), ScenarioTimeout);
        deal.ShouldBe($"Won {order.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}");

        // The partner that owns the order (the shop's source) sees every step on the timeline.
        using var partner = app.Http(await app.CreatePartnerKeyAsync("demo"));
        var timeline = (await partner.GetFromJsonAsync<JsonArray>($"/api/v1/orders/{orderId}/timeline"))!;
        var what = timeline.Select(s => s!["what"]!.GetValue<string>()).ToList();
        what.ShouldContain("erp.create_customer_order");
        what.ShouldContain("erp.reserve_stock");
        what.ShouldContain("wms.create_pick_task");
        what.ShouldContain("courier.create_shipment");
        what.ShouldContain("sms.send");
        what.ShouldContain("erp.post_sale_documents");
        foreach (var status in new[] { "status.reserved", "status.picking", "status.shipped", "status.delivered",
            "status.completed" }) what.ShouldContain(status);
        timeline.Where(s => s!["what"]!.GetValue<string>().StartsWith("erp.",
            StringComparison.Ordinal)).ShouldAllBe(s => s!["actor"]!.GetValue<string>() == "rule");
    }

    [Fact]
    public async Task An_Order_For_Missing_Stock_Should_Wait_While_A_Bot_Buys_It_And_Ship_When_It_Arrives()
    {
        using var http = app.Http();
        var response = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", SandboxFixture.OrderBody("oos-1",
            "oos@example.com", "OOS-002", 3), SandboxFixture.ShopSecret));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orderId = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // The supplier's portal gets one purchase order for the line, the delivery reaches the ERP, and the order goes on alone.
        var shipped = await Eventually.WaitForAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<IOrderIntegrationService>().FindAsync(orderId))!;
        }, o => o.Status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Completed, ScenarioTimeout);
        var steps = await StepsAsync(orderId);
        var what = steps.Select(s => s.What).ToList();
        what.IndexOf("status.awaiting_stock").ShouldBeLessThan(what.IndexOf("stock.arrived"), string.Join(" | ", what));
        what.IndexOf("stock.arrived").ShouldBeLessThan(what.IndexOf("status.reserved"));
        steps.ShouldContain(s => s.What == "status.awaiting_stock" && s.Reason!.Contains("OOS-002"));
        var purchases = (await app.LedgerAsync("supplier")).Where(e => e!["operation"]!.GetValue<string>() == "purchase_order.create"
            && e["reference"]?.GetValue<string>() == $"HC-{shipped.Number}-OOS-002").ToList();
        purchases.Count.ShouldBe(1);
        (await app.CountAsync("erp", "stock.reserve", orderId)).ShouldBe(1);
        (await app.CountAsync("wms", "pick_task.create", orderId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_Repeated_Webhook_Id_Should_Answer_200_And_Store_One_Order()
    {
        using var http = app.Http();
        var body = SandboxFixture.OrderBody("dup-1", "dup@example.com");
        var first = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret, "msg_repeat_1"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret, "msg_repeat_1"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("\"duplicate\":true");
        // The same order under a new webhook id (the shop retried differently) is still one order.
        var other = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret, "msg_repeat_2"));
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CountOrdersAsync("dup-1")).ShouldBe(1);
    }

    [Theory]
    [InlineData("bad-signature")]
    [InlineData("stale")]
    [InlineData("unsigned")]
    [InlineData("unknown-source")]
    public async Task A_Webhook_That_Does_Not_Verify_Should_Be_401_And_Store_Nothing(string how)
    {
        using var http = app.Http();
        var externalId = "refused-" + how;
        var body = SandboxFixture.OrderBody(externalId, $"{how}@example.com");
        var request = how switch
        {
            "bad-signature" => SandboxFixture.Signed("/hooks/shop/demo/orders", body, "whsec_" + Convert.ToBase64String(new byte[32]),
                $"msg_{how}"),
            "stale" => SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret, $"msg_{how}",
                DateTimeOffset.UtcNow.AddMinutes(-6)),
            "unknown-source" => SandboxFixture.Signed("/hooks/shop/nobody/orders", body, SandboxFixture.ShopSecret, $"msg_{how}"),
            _ => new HttpRequestMessage(HttpMethod.Post, "/hooks/shop/demo/orders") { Content = new StringContent(body,
                System.Text.Encoding.UTF8, "application/json") },
        };
        var response = await http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await CountOrdersAsync(externalId)).ShouldBe(0);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>().InboundWebhooks.CountAsync(w =>
            w.WebhookId == $"msg_{how}")).ShouldBe(0);
    }

    [Fact]
    public async Task A_Signed_But_Invalid_Order_Should_Be_A_Problem_Listing_Fields_And_Create_Nothing()
    {
        using var http = app.Http();
        var body = SandboxFixture.OrderBody("invalid-1", "not-an-email", quantity: -2);
        var response = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadAsStringAsync();
        problem.ShouldContain("data.lines[0].quantity");
        (await CountOrdersAsync("invalid-1")).ShouldBe(0);

        using var big = SandboxFixture.Signed("/hooks/shop/demo/orders", new string(' ', 1_100_000) + "{}", SandboxFixture.ShopSecret);
        big.Headers.ExpectContinue = true; // the server refuses by Content-Length, before the body is sent
        var oversized = await http.SendAsync(big);
        oversized.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        var unknownSku = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", SandboxFixture.OrderBody("invalid-2",
            "a@example.com", "NOPE-1"), SandboxFixture.ShopSecret));
        unknownSku.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await CountOrdersAsync("invalid-2")).ShouldBe(0);
    }

    [Fact]
    public async Task The_Sandbox_Should_Honour_Idempotency_Keys_And_Keep_A_Ledger()
    {
        using var http = app.Http();
        var reference = Guid.NewGuid();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post,
                "/sandbox/sms/messages") { Content = JsonContent.Create(new { to = "+79161112233", text = "hello" }) };
            request.Headers.Add("Idempotency-Key", "same-key-" + reference);
            request.Headers.Add("X-Reference", reference.ToString());
            (await http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        (await app.CountAsync("sms", "message.send", reference)).ShouldBe(1);
        var bad = await http.PostAsJsonAsync("/sandbox/sms/messages", new { to = "12", text = "hello" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await http.GetStringAsync("/sandbox/sms")).ShouldContain("hello");
    }

    [Fact]
    public async Task Stock_Should_Follow_The_Erp_On_Demand()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var summary = await scope.ServiceProvider.GetRequiredService<HyperCrm.Integrations.Connectors.IConnectorAppService>()
                .SyncStockAsync();
            summary.ShouldContain("60 SKUs read");
        }
        await using var check = app.Services.CreateAsyncScope();
        var products = await check.ServiceProvider.GetRequiredService<HyperCrm.Sales.Products.IProductAppService>().GetPageAsync("SKU-050",
            50, null);
        products.Items.Single().StockOnHand.ShouldBeGreaterThanOrEqualTo(900);
    }

    [Fact]
    public async Task A_Signed_Event_Webhook_Should_Reach_The_Rules_As_A_Trigger_Once()
    {
        using var http = app.Http();
        var body = "{\"type\":\"lead.created\",\"data\":{\"email\":\"lead@example.com\"}}";
        var first = await http.SendAsync(SandboxFixture.Signed("/hooks/events/crm-events", body, SandboxFixture.EventsSecret,
            "msg_event_1"));
        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var again = await http.SendAsync(SandboxFixture.Signed("/hooks/events/crm-events", body, SandboxFixture.EventsSecret,
            "msg_event_1"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = app.Services.CreateAsyncScope();
        var rules = scope.ServiceProvider.GetRequiredService<HyperCrm.Automation.Rules.IRuleAppService>();
        var trigger = rules.GetTriggers().Single(t => t.Key == "integrations.webhook.received");
        trigger.Fields.Select(f => f.Name).ShouldContain("event.body");
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        (await db.InboundWebhooks.CountAsync(w => w.WebhookId == "msg_event_1")).ShouldBe(1);
    }

    private async Task<OrderDto> WaitForStatusAsync(Guid orderId, OrderStatus status) =>
        await Eventually.WaitForAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<IOrderIntegrationService>().FindAsync(orderId))!;
        }, o => o.Status == status, ScenarioTimeout);

    private async Task<IReadOnlyList<OrderStepDto>> StepsAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOrderAppService>().GetStepsAsync(orderId, null);
    }

    private async Task<int> CountOrdersAsync(string externalId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<IOrderAppService>()
            .GetListAsync(new GetOrderListInput { Filter = externalId });
        return page.Items.Count(o => o.ExternalId == externalId);
    }

    [GeneratedRegex("id=\"crm-order\">([0-9a-f-]{36})<")]
    private static partial Regex CrmOrder();
}
