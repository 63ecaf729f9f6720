using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Customers.Customers;
using HyperCrm.Identity.Users;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AutomationTests(BrowserFixture app)
{
    [Fact]
    public Task An_Admin_Should_Build_And_Publish_A_Rule_That_Creates_A_Task_For_The_Owner() =>
        app.RunAsync(nameof(An_Admin_Should_Build_And_Publish_A_Rule_That_Creates_A_Task_For_The_Owner), async page =>
    {
        // A customer whose manager is the admin.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var admin = (await scope.ServiceProvider.GetRequiredService<IUserAppService>()
                .GetListAsync(new GetUserListInput { PageSize = 50 })).Items
                .Single(u => u.Email == BrowserFixture.AdminEmail);
            await scope.ServiceProvider.GetRequiredService<ICustomerAppService>().CreateAsync(new CreateCustomerDto { Name = "Owned Buyer",
                Email = "owned@e2e-rule.test", OwnerId = admin.Id });
        }
        await app.SignInAsync(page);

        await page.GotoAsync("/Settings/Automation");
        await page.FillAsync("form[data-testid=new-rule-form] input[name=name]", "Big orders: a task for the owner");
        await page.SelectOptionAsync("form[data-testid=new-rule-form] select[name=trigger]", "sales.order.created");
        await page.ClickAsync("form[data-testid=new-rule-form] button[type=submit]");
        // The navigation itself is the condition: waiting for the page's load event as well has timed out on a loaded CI machine.
        await page.WaitForURLAsync("**/Settings/Automation/Edit**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });

        await page.FillAsync("[data-testid=condition]", "order.totl > 90000");
        await page.Locator("[data-testid=problems]", new PageLocatorOptions { HasText = "did you mean 'order.total'" }).WaitForAsync();
        await page.FillAsync("[data-testid=condition]", "order.total > 90000");
        await page.Locator("[data-testid=valid]").WaitForAsync();

        await page.ClickAsync("[data-testid=add-Action]");
        await page.SelectOptionAsync("[data-testid=action-action-1]", "activities.create_task");
        await page.Locator("[data-testid=param-action-1-title]").WaitForAsync();
        await page.FillAsync("[data-testid=param-action-1-title]", "Check big order #{{order.number}}");
        await page.ClickAsync("[data-testid=param-action-1-assignee]");
        await page.ClickAsync("[data-insert='customer.owner_id']");
        (await page.InputValueAsync("[data-testid=param-action-1-assignee]")).ShouldBe("{{customer.owner_id}}");
        await page.ClickAsync("[data-testid=publish]");
        await page.WaitForURLAsync("**/Settings/Automation/Versions**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        (await page.Locator("[data-testid=version-1]").InnerTextAsync()).ShouldContain("active");

        var order = await (await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "e2e-rule-1", currency = "RUB",
            customer = new { name = "Owned Buyer", email = "owned@e2e-rule.test" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-003", quantity = 2, unitPrice = 50000 } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var number = order.GetProperty("number").GetInt64();

        await page.GotoAsync("/Work");
        var work = await Eventually.WaitForAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.ContentAsync();
        }, c =>
            c.Contains($"Check big order #{number}", StringComparison.Ordinal), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
        work.ShouldContain($"Check big order #{number}");

        await page.GotoAsync("/Settings/Automation/Runs?subjectId=" + order.GetProperty("id").GetGuid());
        await page.ClickAsync("[data-testid=runs-table] tr:has-text('Big orders: a task for the owner') a");
        (await page.Locator("[data-testid=run-state]").InnerTextAsync()).ShouldBe("completed");
        (await page.Locator("[data-testid=run-steps]").InnerTextAsync()).ShouldContain("held with order.total = 100000");
    });
}
