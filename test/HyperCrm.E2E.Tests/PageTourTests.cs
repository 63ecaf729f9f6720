using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

/// <summary>
/// Walks the admin through every main page and keeps a screenshot of each (in screenshots/ beside the test binaries;
/// also in HYPERCRM_SCREENSHOTS_DIR when set, which is how the README's pictures are made).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTourTests(BrowserFixture app)
{
    [Fact]
    public Task Every_Main_Page_Should_Render_For_An_Admin() => app.RunAsync(nameof(Every_Main_Page_Should_Render_For_An_Admin), async page =>
    {
        await page.GotoAsync("/Account/Login");
        await ShotAsync(page, "login");
        await app.SignInAsync(page);
        await ShotAsync(page, "home");

        var pages = new (string Url, string Selector, string Name)[]
        {
            ("/Identity/Users", "[data-testid=users-table]", "users"),
            ("/Identity/Roles", "[data-testid=roles-table]", "roles"),
            ("/Identity/Roles/Permissions?role=sales", "[data-testid=permissions-form]", "role-permissions"),
            ("/Identity/Partners", "[data-testid=partners-table]", "partners"),
            ("/Identity/Audit", "[data-testid=audit-table]", "audit-log"),
            ("/Settings", "[data-testid=settings-form]", "settings"),
            ("/Account/Manage/TwoFactor", "[data-testid=two-factor-settings]", "two-factor"),
        };
        foreach (var (url, selector, name) in pages)
        {
            var response = await page.GotoAsync(url);
            response!.Status.ShouldBe(200, url);
            (await page.Locator(selector).CountAsync()).ShouldBe(1, url);
            await ShotAsync(page, name);
        }

        await page.GotoAsync("/Identity/Audit");
        (await page.Locator("[data-testid=audit-table]").InnerTextAsync()).ShouldContain("sign_in.succeeded");
    });

    private static async Task ShotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.Take(4).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, $"{name}.png should be a PNG");
        if (Environment.GetEnvironmentVariable("HYPERCRM_SCREENSHOTS_DIR") is { Length: > 0 } target)
        {
            Directory.CreateDirectory(target);
            File.Copy(path, Path.Combine(target, name + ".png"), overwrite: true);
        }
    }
}
