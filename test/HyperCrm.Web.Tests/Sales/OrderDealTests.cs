using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Sales;

/// <summary>
/// Step 2 of the scenario: the playbook puts each order on the sales board as a deal in the Web orders pipeline (its total,
/// its customer), one per order, and loses it with the order's reason when the order is cancelled.
/// </summary>
public sealed class OrderDealTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task An_Order_Should_Open_One_Deal_On_The_Board_Which_Is_Lost_When_The_Order_Is_Cancelled()
    {
        var partner = app.CreatePartnerClient();
        var response = await partner.PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "deal-1", currency = "RUB", paymentMethod = "invoice",
            customer = new { email = "deal.buyer@example.com", name = "Сделкин Покупатель" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-005", quantity = 2, unitPrice = 1_250m } },
        });
        response.EnsureSuccessStatusCode();
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();

        var deal = await Eventually.WaitForAsync(() => app.ScalarAsync(
            $"""
             SELECT d.title || ' | ' || d.amount || ' | ' || d.state || ' | ' || p.name || ' | '
                 || (d.customer_id = '{order.GetProperty("customerId").GetGuid()}')
             FROM sales.deals d JOIN sales.pipelines p ON p.id = d.pipeline_id WHERE d.order_id = '{orderId}'
             """), d => d is string, TimeSpan.FromSeconds(60));
        deal.ShouldBe($"Order #{order.GetProperty("number").GetInt64()}: Сделкин Покупатель | 2500.00 | Open | Web orders | true");

        (await partner.PostAsJsonAsync($"/api/v1/orders/{orderId}/cancel", new { reason = "the buyer found it cheaper" }))
            .EnsureSuccessStatusCode();
        var lost = await Eventually.WaitForAsync(() => app.ScalarAsync(
            $"SELECT state || ' | ' || lost_reason FROM sales.deals WHERE order_id = '{orderId}'"),
            d => d as string is { } text && text.StartsWith("Lost", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        lost.ShouldBe("Lost | order cancelled: the buyer found it cheaper");
        Convert.ToInt64(await app.ScalarAsync($"SELECT count(*) FROM sales.deals WHERE order_id = '{orderId}'"),
            System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
    }
}
