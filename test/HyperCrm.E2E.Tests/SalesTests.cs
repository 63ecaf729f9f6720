using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SalesTests(BrowserFixture app)
{
    [Fact]
    public Task A_Deal_Dragged_To_The_Next_Stage_Should_Stay_There_After_Reload() =>
        app.RunAsync(nameof(A_Deal_Dragged_To_The_Next_Stage_Should_Stay_There_After_Reload), async page =>
    {
        await app.SignInAsync(page);
        await page.GotoAsync("/Deals");
        await page.FillAsync("form[data-testid=new-deal-form] input[name=title]", "Dragged deal");
        await page.FillAsync("form[data-testid=new-deal-form] input[name=amount]", "5000");
        await page.ClickAsync("form[data-testid=new-deal-form] button[type=submit]");
        var card = page.Locator("[data-card]", new PageLocatorOptions { HasText = "Dragged deal" });
        (await page.Locator("[data-testid=stage-Lead]").InnerTextAsync()).ShouldContain("Dragged deal");

        var saved = page.WaitForResponseAsync(r => r.Url.Contains("handler=Move", StringComparison.Ordinal));
        await card.DragToAsync(page.Locator("[data-testid=stage-Qualified]"));
        (await saved).Status.ShouldBe(200);

        await page.ReloadAsync();
        (await page.Locator("[data-testid=stage-Qualified]").InnerTextAsync()).ShouldContain("Dragged deal");
        (await page.Locator("[data-testid=stage-Lead]").InnerTextAsync()).ShouldNotContain("Dragged deal");
    });

    [Fact]
    public Task A_Sales_User_Should_Find_A_Customer_By_Phone_And_Open_The_Timeline() =>
        app.RunAsync(nameof(A_Sales_User_Should_Find_A_Customer_By_Phone_And_Open_The_Timeline), async page =>
    {
        await app.SignInAsync(page);
        await page.GotoAsync("/Customers/Edit");
        await page.FillAsync("#Input_Name", "Вера Соколова");
        await page.FillAsync("#Input_Phone", "+7 925 111-22-33");
        await page.ClickAsync("form[data-testid=customer-form] button[type=submit]");
        // The saved customer's page: waited for by its content, not by its load event (which a slow resource can hold back).
        await page.WaitForURLAsync("**/Customers/Details**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("[data-testid=customer-phone]").WaitForAsync();

        await page.GotoAsync("/Customers");
        await page.FillAsync("[data-testid=customer-search]", "8 925 111 22 33");
        await page.Keyboard.PressAsync("Enter");
        await page.ClickAsync("[data-testid=customers-table] a:has-text('Вера Соколова')");

        (await page.Locator("[data-testid=customer-phone]").InnerTextAsync()).ShouldBe("+79251112233");
        (await page.Locator("[data-testid=customer-timeline]").InnerTextAsync()).ShouldContain("Customer Вера Соколова created");
    });

    [Fact]
    public Task A_Small_Csv_Should_Import_With_A_Progress_Bar_And_A_Report() =>
        app.RunAsync(nameof(A_Small_Csv_Should_Import_With_A_Progress_Bar_And_A_Report), async page =>
    {
        await app.SignInAsync(page);
        await page.GotoAsync("/Customers");
        await page.ClickAsync("[data-testid=import-csv]");
        await page.SetInputFilesAsync("input[type=file]", new FilePayload
        {
            Name = "leads.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("name,email,phone\nLeila Browser,leila@e2e.test,+7 902 000-00-01\nNo Contact,,\n"),
        });
        await page.ClickAsync("form[data-testid=import-upload] button[type=submit]");
        (await page.Locator("[data-testid=import-preview]").InnerTextAsync()).ShouldContain("Leila Browser");

        await page.ClickAsync("form[data-testid=import-mapping] button[type=submit]");
        await page.Locator("[data-testid=import-status]", new PageLocatorOptions { HasText = "completed" }).WaitForAsync();

        (await page.Locator("[data-testid=import-summary]").InnerTextAsync()).ShouldContain("1 created");
        (await page.Locator("[data-testid=import-report]").InnerTextAsync()).ShouldContain("email or a phone");
        await page.GotoAsync("/Customers?filter=Leila");
        (await page.Locator("[data-testid=customers-table]").InnerTextAsync()).ShouldContain("leila@e2e.test");
    });
}
