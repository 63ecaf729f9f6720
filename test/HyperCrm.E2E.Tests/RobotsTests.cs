using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

/// <summary>What a person sees of the robots: an out-of-stock order shipping with no human (the bot's run, with its
/// screenshots, on the order's page), and an admin test-running the supplier bot and watching its steps come in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RobotsTests(BrowserFixture app)
{
    [Fact]
    public Task An_Order_For_Out_Of_Stock_Goods_Should_Reach_Shipped_With_No_Human() =>
        app.RunAsync(nameof(An_Order_For_Out_Of_Stock_Goods_Should_Reach_Shipped_With_No_Human), async page =>
    {
        await page.GotoAsync("/sandbox/shop");
        await page.FillAsync("#name", "Илья Ждущий");
        await page.FillAsync("#email", "ilya.oos@example.com");
        await page.FillAsync("#phone", "+79167770808");
        await page.SelectOptionAsync("#sku", "OOS-001");
        await page.FillAsync("#quantity", "2");
        await page.ClickAsync("#place-order");
        var orderId = (await page.Locator("#crm-order").InnerTextAsync()).Trim();

        await app.SignInAsync(page);
        await page.GotoAsync($"/Orders/Details?id={orderId}");
        // Out of stock → the bot orders it from the supplier's portal → the delivery reaches the ERP → reserved and shipped.
        var status = await Eventually.WaitForAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("[data-testid=order-status]").InnerTextAsync();
        }, s => s.Contains("shipped", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(150), TimeSpan.FromSeconds(1));
        status.ShouldContain("shipped", Case.Insensitive);
        var history = await page.Locator("[data-testid=order-steps]").InnerTextAsync();
        history.ShouldContain("awaiting stock", Case.Insensitive);
        history.ShouldContain("stock.arrived");
        var runs = page.Locator("[data-testid=order-bot-runs]");
        (await runs.InnerTextAsync()).ShouldContain("supplier-purchase-order");
        (await runs.Locator("img").CountAsync()).ShouldBeGreaterThan(0);
        await PageTourTests.ShotAsync(page, "order-bot-run");

        // The run's page: every step with its screenshot, the purchase order's number read from the portal.
        await runs.Locator("a").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=run-steps]");
        (await page.Locator("[data-testid=job-state]").InnerTextAsync()).ShouldContain("done by the bot");
        (await page.Locator("[data-testid=job-outputs]").InnerTextAsync()).ShouldContain("PO-");
        (await page.Locator("[data-testid=screenshot]").CountAsync()).ShouldBeGreaterThan(3);
    });

    [Fact]
    public Task An_Admin_Should_Test_Run_The_Supplier_Bot_And_Watch_Its_Steps() =>
        app.RunAsync(nameof(An_Admin_Should_Test_Run_The_Supplier_Bot_And_Watch_Its_Steps), async page =>
    {
        await app.SignInAsync(page);
        await page.GotoAsync("/Robots/Bots");
        (await page.Locator("[data-testid=bots-table]").InnerTextAsync()).ShouldContain("Supplier portal purchase order");
        await PageTourTests.ShotAsync(page, "bots");
        await page.ClickAsync("text=Supplier portal purchase order");
        await page.WaitForSelectorAsync("[data-testid=test-run]");
        await page.FillAsync("#parameters",
            """{"order_number": "T-1", "reference": "E2E-TEST", "lines": [{"sku": "OOS-009", "quantity": 4}]}""");
        await page.ClickAsync("[data-testid=test-run] button[type=submit]");
        // The page refreshes its steps by itself (htmx) until the bot is done.
        var outcome = await Eventually.WaitForAsync(async () => await page.Locator("[data-testid=job-state]").InnerTextAsync(),
            s => s.Contains("done by the bot", StringComparison.Ordinal), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(1));
        outcome.ShouldContain("done by the bot");
        await page.ReloadAsync();
        var steps = await page.Locator("[data-testid=run-steps]").InnerTextAsync();
        steps.ShouldContain("Submit the purchase order");
        steps.ShouldContain("••••••");
        steps.ShouldNotContain("supplier-demo");
        await PageTourTests.ShotAsync(page, "bot-run");

        await page.GotoAsync("/Robots/Queue");
        await page.WaitForSelectorAsync("[data-testid=workers]");
        await page.GotoAsync("/Robots/Bots");
        await page.ClickAsync("text=Supplier portal purchase order");
        await page.ClickAsync("text=Edit");
        await page.FillAsync("#Form_Hosts", "https://not a host");
        await page.ClickAsync("[data-testid=save-draft]");
        (await page.Locator("[data-testid=problems]").InnerTextAsync()).ShouldContain("allowed_hosts");
    });
}
