using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

/// <summary>
/// Step 3 of the scenario in a browser: the default playbook scores an order that looks like a stolen card (a throwaway
/// email, a foreign phone, a basket many times the shop's usual, a second order minutes after the first) and holds it;
/// a support user opens it, reads why and by which model, approves it there, and the order goes on and ships. The
/// decision is kept as a label for the model's next training.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RiskReviewTests(BrowserFixture app)
{
    [Fact]
    public Task A_Support_User_Should_Release_A_Held_Risky_Order_Which_Then_Ships() =>
        app.RunAsync(nameof(A_Support_User_Should_Release_A_Held_Risky_Order_Which_Then_Ships), async page =>
    {
        await PlaceAsync("e2e-risk-1", 1490m);
        var orderId = await PlaceAsync("e2e-risk-2", 95_000m);
        var held = await Eventually.WaitForAsync(() => app.ScalarAsync($"SELECT status FROM sales.orders WHERE id = '{orderId}'"),
            s => s as string is "OnHold" or "Picking" or "Shipped", TimeSpan.FromSeconds(60));
        held.ShouldBe("OnHold", "the model should find the order risky");

        await app.CreateUserAsync("risk.e2e@example.com", "a perfectly long passphrase", "support");
        await app.SignInAsync(page, "risk.e2e@example.com", "a perfectly long passphrase");
        await page.GotoAsync($"/Orders/Details?id={orderId}");
        var approval = page.Locator("[data-testid=pending-approval]");
        await Eventually.WaitForAsync(async () =>
        {
            await page.ReloadAsync();
            return await approval.CountAsync();
        }, n => n == 1, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        var risk = await page.Locator("[data-testid=order-risk]").InnerTextAsync();
        risk.ShouldContain("fraud-v");
        string[] signs = ["throwaway", "country", "shop's usual", "last hour", "new customer"];
        signs.ShouldContain(w => risk.Contains(w), $"the reasons should be in words: {risk}");
        var details = await approval.Locator("[data-testid=approval-details]").InnerTextAsync();
        signs.ShouldContain(w => details.Contains(w), $"the approval should say why: {details}");

        await approval.Locator("input[name=comment]").FillAsync("called the customer: a gift for a colleague abroad");
        await approval.Locator("[data-testid=approve]").ClickAsync();

        // Back on the order's page: released, then fulfilled by the playbook like any order.
        page.Url.ShouldContain($"/Orders/Details?id={orderId}");
        var status = await Eventually.WaitForAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("[data-testid=order-status]").InnerTextAsync();
        }, s => s.Contains("shipped", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(1));
        status.ShouldContain("shipped", Case.Insensitive);
        (await page.Locator("[data-testid=pending-approval]").CountAsync()).ShouldBe(0);
        var history = await page.Locator("[data-testid=order-steps]").InnerTextAsync();
        history.ShouldContain("a gift for a colleague abroad");
        Convert.ToInt64(await app.ScalarAsync($"SELECT count(*) FROM intelligence.risk_labels WHERE order_id = '{orderId}' AND NOT fraud"),
            System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
    });

    private async Task<Guid> PlaceAsync(string externalId, decimal price)
    {
        var response = await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId, currency = "RUB", paymentMethod = "card",
            customer = new { email = "gift.buyer@mailinator.com", phone = "+447911123456", name = "Gift Buyer" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-026", quantity = 1, unitPrice = price } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
