using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

/// <summary>
/// Script and markup a partner stores (in a customer's name, an address, an order's external id) are shown to staff as
/// text in a real browser: nothing of it runs, on any page that shows it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HostileTextTests(BrowserFixture app)
{
    private const string Name = "<img src=x onerror=\"window.__xss=1\">Mallory<script>window.__xss=2</script>";

    [Fact]
    public Task Stored_Script_Should_Render_As_Text_On_Every_Page_That_Shows_It() =>
        app.RunAsync(nameof(Stored_Script_Should_Render_As_Text_On_Every_Page_That_Shows_It), async page =>
    {
        var order = await app.PlaceOrderAsync("<svg onload=window.__xss=3>", "mallory@hostile.test", Name);
        var orderId = order.GetProperty("id").GetGuid();
        var customerId = order.GetProperty("customerId").GetGuid();
        await app.SignInAsync(page);

        foreach (var url in new[] { $"/Customers/Details?id={customerId}", "/Customers?filter=Mallory", $"/Orders/Details?id={orderId}",
            "/Orders", "/" })
        {
            await page.GotoAsync(url);
            (await page.EvaluateAsync<bool>("() => window.__xss === undefined")).ShouldBeTrue(url);
            (await page.Locator("img[src=x]").CountAsync()).ShouldBe(0, url);
            (await page.Locator("svg[onload]").CountAsync()).ShouldBe(0, url);
        }
        await page.GotoAsync($"/Customers/Details?id={customerId}");
        (await page.Locator("body").InnerTextAsync()).ShouldContain("Mallory<script>");
        await page.GotoAsync($"/Orders/Details?id={orderId}");
        (await page.Locator("body").InnerTextAsync()).ShouldContain("<svg onload=window.__xss=3>");
    });
}
