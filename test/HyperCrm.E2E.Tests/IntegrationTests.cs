using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class IntegrationTests(BrowserFixture app)
{
    [Fact]
    public Task An_Order_Placed_In_The_Sandbox_Shop_Should_Reach_Shipped_On_The_Order_Page() =>
        app.RunAsync(nameof(An_Order_Placed_In_The_Sandbox_Shop_Should_Reach_Shipped_On_The_Order_Page), async page =>
    {
        await page.GotoAsync("/sandbox/shop");
        await page.FillAsync("#name", "Пётр Покупатель");
        await page.FillAsync("#email", "petr.e2e@example.com");
        await page.FillAsync("#phone", "+79167770707");
        await page.SelectOptionAsync("#sku", "SKU-007");
        await page.FillAsync("#quantity", "2");
        await page.ClickAsync("#place-order");
        var orderId = (await page.Locator("#crm-order").InnerTextAsync()).Trim();
        Guid.TryParse(orderId, out _).ShouldBeTrue();

        await app.SignInAsync(page);
        await page.GotoAsync($"/Orders/Details?id={orderId}");
        // The playbook takes it through the ERP, the warehouse and the courier on its own; the page shows where it is.
        var status = await Eventually.WaitForAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("[data-testid=order-status]").InnerTextAsync();
        }, s => s.Contains("shipped", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(1));
        status.ShouldContain("shipped", Case.Insensitive);
        var history = await page.Locator("body").InnerTextAsync();
        history.ShouldContain("courier.create_shipment");
        history.ShouldContain("erp.create_customer_order");

        await page.GotoAsync("/sandbox/sms");
        (await page.Locator("table").InnerTextAsync()).ShouldContain("+79167770707");
    });
}
