using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;

namespace HyperCrm.E2E.Tests;

/// <summary>The whole app on a real Kestrel port and Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class BrowserFixture : HyperCrmWebApplicationFactory
{
    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run"];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    protected override bool OnLoopbackPort => true;

    public const string ShopSecret = "whsec_YnJvd3Nlci1zaG9wLXNlY3JldC0wMTIzNDU2Nzg5YWI=";
    public const string CourierSecret = "whsec_YnJvd3Nlci1jb3VyaWVyLXNlY3JldC0wMTIzNDU2Nzg=";
    public const string PaymentsSecret = "whsec_YnJvd3Nlci1wYXltZW50cy1zZWNyZXQtMDEyMzQ1Njc=";

    /// <summary>As run.sh starts it: the sandbox mapped in, its shop and courier signing with their secrets (delays short for
    /// tests).</summary>
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Sandbox:Enabled"] = "true",
        ["Sandbox:Wms:PickAfterSeconds"] = "1",
        ["Sandbox:Courier:DeliverAfterSeconds"] = "20",
        ["Webhooks:Inbound:Shops:demo:Secret"] = ShopSecret,
        ["Webhooks:Inbound:Couriers:sandbox:Secret"] = CourierSecret,
        ["Webhooks:Inbound:Payments:sandbox:Secret"] = PaymentsSecret,
        ["Integrations:StockSyncInterval"] = "00:00:00",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>Runs a scenario in a fresh page; on failure saves a screenshot under screenshots/ and rethrows.</summary>
    public async Task RunAsync(string name, Func<IPage, Task> scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        // Each wait is for a condition; the bound is generous because CI's two cores also run the app and its workers.
        page.SetDefaultTimeout(45000);
        try
        {
            await scenario(page);
        }
        catch (Exception ex)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-failure.png"), FullPage = true });
            // CI keeps only the log: what the page showed goes into the failure's message.
            var shown = await page.Locator("main").First.InnerTextAsync(new LocatorInnerTextOptions { Timeout = 2000 })
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(no main element)", TaskScheduler.Default);
            throw new InvalidOperationException($"{ex.Message}\nThe page at {page.Url} showed: {Shorten(shown)}", ex);
        }
    }

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 600 ? flat : flat[..600] + "…";
    }

    /// <summary>A staff user with a role, as an admin would create by invitation.</summary>
    public async Task CreateUserAsync(string email, string password, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users =
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HyperCrm.Identity.Domain.Users.AppUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var user = new HyperCrm.Identity.Domain.Users.AppUser(Guid.NewGuid(), email, email.Split('@')[0], DateTimeOffset.UtcNow,
            invitationPending: false);
        if (!(await users.CreateAsync(user, password)).Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            throw new InvalidOperationException($"Could not create {email}.");
    }

    public async Task SignInAsync(IPage page, string email = AdminEmail, string password = AdminPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("form[data-testid=login-form] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=welcome]");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
