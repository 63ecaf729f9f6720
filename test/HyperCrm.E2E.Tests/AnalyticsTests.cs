using System.Globalization;
using HyperCrm.TestBase;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

/// <summary>A manager opens the KPIs, narrows the period to today, opens the process map, clicks its slowest edge and lands on
/// the orders behind it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnalyticsTests(BrowserFixture app)
{
    [Fact]
    public Task A_Manager_Should_Go_From_The_Kpis_To_The_Orders_Behind_The_Slowest_Edge() =>
        app.RunAsync(nameof(A_Manager_Should_Go_From_The_Kpis_To_The_Orders_Behind_The_Slowest_Edge), async page =>
    {
        await page.GotoAsync("/sandbox/shop");
        await page.FillAsync("#name", "Анна Аналитик");
        await page.FillAsync("#email", "anna.analytics@example.com");
        await page.FillAsync("#phone", "+79167770909");
        await page.ClickAsync("#place-order");
        (await page.Locator("#crm-order").InnerTextAsync()).Trim().ShouldNotBeEmpty();

        await app.SignInAsync(page);
        await page.GotoAsync("/Analytics");
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.FillAsync("#from", today);
        await page.FillAsync("#to", today);
        await page.ClickAsync("[data-testid=apply-filter]");
        await page.WaitForURLAsync(url => url.Contains("/Analytics?from=" + today, StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        // The order's steps reach the log through the inbox as it goes; wait until the map has its hand-offs.
        await page.ClickAsync("[data-testid=open-map]");
        await Eventually.WaitForAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("[data-testid=map-edge]:not([data-from=''])").CountAsync();
        }, n => n >= 2, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(1));
        await PageTourTests.ShotAsync(page, "process-map");

        var edges = page.Locator("[data-testid=map-edge]:not([data-from='']):not([data-to=''])");
        var slowest = -1d;
        var pick = 0;
        for (var i = 0; i < await edges.CountAsync(); i++)
        {
            var median = double.Parse(await edges.Nth(i).GetAttributeAsync("data-median") ?? "0", CultureInfo.InvariantCulture);
            if (median > slowest) (slowest, pick) = (median, i);
        }
        var from = await edges.Nth(pick).GetAttributeAsync("data-from");
        await edges.Nth(pick).DispatchEventAsync("click");
        await page.WaitForURLAsync(url => url.Contains("/Analytics/Cases?", StringComparison.Ordinal)
            && url.Contains("kind=edge", StringComparison.Ordinal), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-testid=cases-title]").WaitForAsync();
        (await page.Locator("[data-testid=cases-title]").InnerTextAsync()).ShouldNotBeEmpty();
        (await page.Locator("[data-testid=case-row]").CountAsync()).ShouldBeGreaterThan(0);
        page.Url.ShouldContain("from_activity=" + Uri.EscapeDataString(from!));

        await page.GotoAsync($"/Analytics?from={today}&to={today}");
        await page.Locator("[data-testid=kpi-automation]").WaitForAsync();
        await PageTourTests.ShotAsync(page, "analytics-kpis");
    });
}
