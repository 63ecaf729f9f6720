using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

public sealed class DashboardTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task Home_Should_Show_My_Tasks_Deals_Held_Orders_And_Recent_Activity()
    {
        var partner = app.CreateClient();
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HyperCrmWebApplicationFactory.PartnerKey);
        var order = await (await partner.PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "dash-1", currency = "RUB", customer = new { name = "Dash Customer", email = "dash@home.test" },
            shippingAddress = new { country = "RU", city = "Казань", line1 = "ул. Баумана, 1" }, lines = new[] { new { sku = "SKU-002",
                quantity = 1, unitPrice = 100 } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var staff = await app.SignInAsync();
        await HyperCrmWebApplicationFactory.PostFormAsync(staff, "/Work",
            new Dictionary<string, string> { ["Input.Title"] = "Dashboard task" });
        await HyperCrmWebApplicationFactory.PostFormAsync(staff, "/Deals?handler=Create",
            new Dictionary<string, string> { ["title"] = "Dashboard deal", ["amount"] = "777" }, "/Deals");
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IOrderAppService>().MoveAsync(order.GetProperty("id").GetGuid(),
                new OrderMoveInput(OrderMove.Hold, "fraud check"));

        var number = order.GetProperty("number").GetInt64();
        var home = System.Net.WebUtility.HtmlDecode(await Eventually.WaitForAsync(() => staff.GetStringAsync("/"),
            h => Section(System.Net.WebUtility.HtmlDecode(h), "recent-activity").Contains($"Order #{number}: new → on hold",
                StringComparison.Ordinal)));

        Section(home, "my-tasks").ShouldContain("Dashboard task");
        Section(home, "my-deals").ShouldContain("Dashboard deal");
        Section(home, "orders-attention").ShouldContain($"#{number} Dash Customer");
        Section(home, "recent-activity").ShouldContain($"Order #{number}: new → on hold");
    }

    private static string Section(string html, string widget)
    {
        var start = html.IndexOf($"data-testid=\"widget-{widget}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, $"widget {widget} missing");
        var end = html.IndexOf("data-testid=\"widget-", start + 10, StringComparison.Ordinal);
        return end < 0 ? html[start..] : html[start..end];
    }
}
