using System.Net.Http.Json;
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

    [Fact]
    public Task A_Support_User_Should_Cancel_A_Picking_Order_And_See_Each_Undo_Appear() =>
        app.RunAsync(nameof(A_Support_User_Should_Cancel_A_Picking_Order_And_See_Each_Undo_Appear), async page =>
    {
        using var sandbox = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        // The warehouse takes its time, so the order is still being picked when support cancels it.
        (await sandbox.PostAsJsonAsync("/sandbox/wms/pick-after", new { seconds = 3600 })).EnsureSuccessStatusCode();
        try
        {
            var orderId = (await app.PlaceOrderAsync("e2e-cancel-picking", "cancel.e2e@example.com", "Ольга Отменяет", "SKU-013"))
                .GetProperty("id").GetGuid();
            await app.CreateUserAsync("support.e2e@example.com", "a perfectly long passphrase", "support");
            await app.SignInAsync(page, "support.e2e@example.com", "a perfectly long passphrase");
            await page.GotoAsync($"/Orders/Details?id={orderId}");
            await Eventually.WaitForAsync(async () =>
            {
                await page.ReloadAsync();
                return await page.Locator("[data-testid=order-steps]").InnerTextAsync();
            }, s => s.Contains("wms.create_pick_task", StringComparison.Ordinal), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(1));

            await page.FillAsync("form[data-move=Cancel] input[name=reason]", "the customer changed their mind");
            await page.ClickAsync("form[data-move=Cancel] button[type=submit]");

            (await page.Locator("[data-testid=order-status]").InnerTextAsync()).ShouldBe("cancelled");
            // Each undo shows up on the order's history as the rule does it: the pick task, the reserve, the ERP order.
            var history = await Eventually.WaitForAsync(async () =>
            {
                await page.ReloadAsync();
                return await page.Locator("[data-testid=order-steps]").InnerTextAsync();
            }, s => s.Contains("erp.close_customer_order", StringComparison.Ordinal), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(1));
            history.ShouldContain("wms.cancel_pick_task");
            history.ShouldContain("erp.release_stock");
            history.ShouldContain("released");
            history.ShouldContain("closed");
            history.IndexOf("wms.cancel_pick_task", StringComparison.Ordinal)
                .ShouldBeLessThan(history.IndexOf("erp.close_customer_order", StringComparison.Ordinal));
            await page.ClickAsync("[data-testid=order-runs]");
            var runs = await page.Locator("[data-testid=runs-table]").InnerTextAsync();
            runs.ShouldContain("stopped");
            runs.ShouldNotContain("dead letter");
        }
        finally
        {
            (await sandbox.PostAsJsonAsync("/sandbox/wms/pick-after", new { seconds = (double?)null })).EnsureSuccessStatusCode();
        }
    });
}
