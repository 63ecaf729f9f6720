using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdminTests(BrowserFixture app)
{
    [Fact]
    public Task Admin_Should_Sign_In_Open_Users_And_Switch_To_Russian() =>
        app.RunAsync(nameof(Admin_Should_Sign_In_Open_Users_And_Switch_To_Russian), async page =>
    {
        await app.SignInAsync(page);

        await page.ClickAsync("a[data-menu='Identity.Users']");
        await page.WaitForURLAsync("**/Identity/Users");
        var table = page.Locator("[data-testid=users-table]");
        (await table.InnerTextAsync()).ShouldContain(BrowserFixture.AdminEmail);
        (await table.InnerTextAsync()).ShouldContain("admin");

        await page.ClickAsync("[data-testid=lang-ru]");
        await page.WaitForURLAsync("**/Identity/Users");
        (await page.Locator("header.hc-topbar").InnerTextAsync()).ShouldContain("Пользователи");
        (await page.Locator("[data-testid=main-menu]").InnerTextAsync()).ShouldContain("Администрирование");

        await page.ClickAsync("[data-testid=lang-en]");
        (await page.Locator("header.hc-topbar").InnerTextAsync()).ShouldContain("Users");
    });

    [Fact]
    public Task Admin_Should_Create_A_Partner_And_See_Its_Key_Once() =>
        app.RunAsync(nameof(Admin_Should_Create_A_Partner_And_See_Its_Key_Once), async page =>
    {
        await app.SignInAsync(page);
        await page.GotoAsync("/Identity/Partners");

        await page.FillAsync("#Input_Name", "browser-shop");
        await page.FillAsync("#Input_DisplayName", "Browser shop");
        await page.ClickAsync("form[data-testid=create-partner-form] button[type=submit]");
        await page.WaitForURLAsync("**/Identity/Partners/Details**");
        await page.FillAsync("#Input_Name", "checkout");
        await page.CheckAsync("#scope-orders\\.write");
        await page.ClickAsync("form[data-testid=create-key-form] button[type=submit]");

        var key = await page.Locator("[data-testid=created-key]").InnerTextAsync();
        key.ShouldStartWith("hcrm_");
        (await page.Locator("[data-testid=keys-table]").InnerTextAsync()).ShouldContain("orders.write");

        await page.ReloadAsync();
        (await page.Locator("[data-testid=created-key]").CountAsync()).ShouldBe(0);
    });

    [Fact]
    public Task A_Wrong_Password_Should_Show_A_Friendly_Error() => app.RunAsync(nameof(A_Wrong_Password_Should_Show_A_Friendly_Error),
        async page =>
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", BrowserFixture.AdminEmail);
        await page.FillAsync("#Input_Password", "definitely not it");
        await page.ClickAsync("form[data-testid=login-form] button[type=submit]");

        (await page.Locator("[data-testid=login-errors]").InnerTextAsync()).ShouldContain("Wrong email or password.");
        page.Url.ShouldContain("/Account/Login");
    });

    [Fact]
    public Task A_Sales_User_Should_Work_With_Customers_And_Not_See_Administration() =>
        app.RunAsync(nameof(A_Sales_User_Should_Work_With_Customers_And_Not_See_Administration), async page =>
    {
        await app.CreateUserAsync("sales.e2e@test.local", "sales person passphrase", "sales");
        await app.SignInAsync(page, "sales.e2e@test.local", "sales person passphrase");

        var menu = await page.Locator("[data-testid=main-menu]").InnerTextAsync();
        menu.ShouldContain("Customers");
        menu.ShouldContain("Deals");
        menu.ShouldNotContain("Administration");

        await page.GotoAsync("/Customers/Edit");
        await page.FillAsync("#Input_Name", "Salesperson's Lead");
        await page.FillAsync("#Input_Email", "lead@sales-e2e.test");
        await page.SelectOptionAsync("#OwnerId", new SelectOptionValue { Label = "sales.e2e" });
        await page.ClickAsync("form[data-testid=customer-form] button[type=submit]");
        await page.WaitForURLAsync("**/Customers/Details**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        (await page.Locator("[data-testid=customer-owner]").InnerTextAsync()).ShouldBe("sales.e2e");

        await page.GotoAsync("/Identity/Users");
        (await page.Locator("[data-testid=access-denied]").CountAsync()).ShouldBe(1);
    });
}
