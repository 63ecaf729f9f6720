using System.Net.Http.Json;
using HyperCrm.TestBase;
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
    public Task Every_Main_Page_Should_Render_For_An_Admin() => app.RunAsync(nameof(Every_Main_Page_Should_Render_For_An_Admin),
        async page =>
    {
        await SeedDemoDataAsync();
        await page.GotoAsync("/Account/Login");
        await ShotAsync(page, "login");
        await app.SignInAsync(page);
        await ShotAsync(page, "home");

        var pages = new (string Url, string Selector, string Name)[]
        {
            ("/Customers", "[data-testid=customers-table]", "customers"),
            ("/Deals", "[data-testid=deal-board]", "deals"),
            ("/Orders", "[data-testid=orders-table]", "orders"),
            ("/Work", "[data-testid=my-tasks]", "my-work"),
            ("/Identity/Users", "[data-testid=users-table]", "users"),
            ("/Identity/Roles", "[data-testid=roles-table]", "roles"),
            ("/Identity/Roles/Permissions?role=sales", "[data-testid=permissions-form]", "role-permissions"),
            ("/Identity/Partners", "[data-testid=partners-table]", "partners"),
            ("/Identity/Audit", "[data-testid=audit-table]", "audit-log"),
            ("/Settings", "[data-testid=settings-form]", "settings"),
            ("/Account/Manage/TwoFactor", "[data-testid=two-factor-settings]", "two-factor"),
            ("/Account/Manage/Tokens", "[data-testid=access-tokens]", "access-tokens"),
            ("/Settings/Automation", "[data-testid=rules-table]", "automation-rules"),
            ("/Settings/Automation/Runs", "[data-testid=runs-table]", "automation-runs"),
            ("/Settings/Integrations", "[data-testid=connectors-table]", "integrations-connectors"),
            ("/Settings/Integrations/Webhooks", "[data-testid=deliveries-table]", "integrations-webhooks"),
            ("/Settings/Integrations/Inbound", "[data-testid=inbound-table]", "integrations-inbound"),
            ("/Settings/Ai", "[data-testid=segments]", "ai-settings"),
            ("/sandbox/shop", "#place-order", "sandbox-shop"),
            ("/sandbox/sms", "table", "sandbox-sms"),
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

        // The support inbox with a customer's message the AI has read, and the reply it drafted for a person to send.
        (await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/messages", new
        {
            channel = "email", fromEmail = "tour.reader@example.com", fromName = "Мария Читатель", subject = "Где мой заказ?",
            text = "Здравствуйте! Заказала чайник неделю назад, где мой заказ? Когда доставят?",
        })).EnsureSuccessStatusCode();
        await Eventually.WaitForAsync(async () =>
        {
            await page.GotoAsync("/Work/Inbox");
            return await page.Locator("[data-testid=draft-reply]").CountAsync();
        }, n => n > 0, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        await ShotAsync(page, "support-inbox");

        await page.GotoAsync("/Customers?filter=" + Uri.EscapeDataString("Анна"));
        await page.ClickAsync("[data-testid=customers-table] a:has-text('Анна Петрова')");
        (await page.Locator("[data-testid=customer-timeline]").InnerTextAsync()).ShouldContain("Order #");
        await ShotAsync(page, "customer");

        // An order: its steps to the second (the full moment on hover), and the moves a person may make from where it is.
        await page.GotoAsync("/Orders");
        await page.ClickAsync("[data-testid=orders-table] tbody tr:first-child a");
        await page.Locator("[data-testid=order-steps] time").First.WaitForAsync();
        await ShotAsync(page, "order");

        await page.GotoAsync("/Settings/Automation");
        await page.ClickAsync("[data-testid=rules-table] a:has-text('VIP orders')");
        await page.Locator("[data-testid=valid]").WaitForAsync();
        await ShotAsync(page, "automation-editor");
        await page.GotoAsync("/Settings/Automation/Runs?state=Completed");
        await page.ClickAsync("[data-testid=runs-table] tr:has-text('VIP orders') a");
        (await page.Locator("[data-testid=run-steps]").InnerTextAsync()).ShouldContain("activities.create_task");
        await ShotAsync(page, "automation-run");
    });

    /// <summary>A few orders through the partner API and a deal, so the pages show what a working day looks like.</summary>
    private async Task SeedDemoDataAsync()
    {
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            BrowserFixture.PartnerKey);
        var people = new[] { ("Анна Петрова", "+79161234567"), ("Борис Смирнов", "+79035550101"), ("Olga Ivanova", "+79269998877"),
            ("Дмитрий Орлов", "+79157770011") };
        for (var i = 0; i < people.Length; i++)
        {
            var (name, phone) = people[i];
            var response = await api.PostAsync("/api/v1/orders", System.Net.Http.Json.JsonContent.Create(new
            {
                externalId = $"tour-{i}", currency = "RUB", customer = new { name, phone, email = $"tour{i}@example.com" },
                shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1", postalCode = "125009" },
                paymentMethod = "card", lines = new[] { new { sku = $"SKU-00{i + 1}", quantity = i + 1,
                    unitPrice = i == 3 ? 42000.00m : 1490.00m } },
            }));
            response.EnsureSuccessStatusCode();
        }
        foreach (var (title, amount, stage) in new[] { ("Office chairs for Romashka", 480000m, "Lead"), ("Corporate gifts 2027", 250000m,
            "Qualified"),
                     ("Warehouse shelving", 1200000m, "Proposal"), ("Annual coffee supply", 96000m, "Negotiation"), ("Team jackets", 64000m,
                         "Won") })
            (await api.PostAsync("/api/v1/deals", System.Net.Http.Json.JsonContent.Create(new { title, amount, currency = "RUB",
                stage }))).EnsureSuccessStatusCode();
    }

    internal static async Task ShotAsync(IPage page, string name)
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
