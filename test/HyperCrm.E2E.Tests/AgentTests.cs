using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Intelligence;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

/// <summary>
/// An admin gives a rule an AI agent: picks its tools in the editor, publishes, dry-runs it (the tool that changes data is
/// described, not called) and reads every call the agent made on the run page — with the sandbox's language model over HTTP.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentTests(BrowserFixture app)
{
    [Fact]
    public Task An_Admin_Should_Add_An_Agent_Step_Pick_Its_Tools_Dry_Run_It_And_Read_Its_Calls() =>
        app.RunAsync(nameof(An_Admin_Should_Add_An_Agent_Step_Pick_Its_Tools_Dry_Run_It_And_Read_Its_Calls), async page =>
    {
        await UseModelAsync(app.BaseUrl + "/sandbox/llm/v1");
        try
        {
            await AddInspectAndDryRunAsync(page);
        }
        finally
        {
            // The other browser tests share this installation: they draft from templates, as before.
            await UseModelAsync(string.Empty);
        }
    });

    private async Task UseModelAsync(string endpoint)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ILlmSettingsAppService>().SaveAsync(new LlmSettingsDto
        {
            Endpoint = endpoint, Model = "sandbox", ApiKey = endpoint.Length == 0 ? null : "sandbox-key", TimeoutSeconds = 20,
        });
    }

    private async Task AddInspectAndDryRunAsync(IPage page)
    {
        await app.SignInAsync(page);

        await page.GotoAsync("/Settings/Automation");
        await page.FillAsync("form[data-testid=new-rule-form] input[name=name]", "An agent looks at new orders");
        await page.SelectOptionAsync("form[data-testid=new-rule-form] select[name=trigger]", "sales.order.created");
        await page.ClickAsync("form[data-testid=new-rule-form] button[type=submit]");
        await page.WaitForURLAsync("**/Settings/Automation/Edit**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.FillAsync("[data-testid=condition]", "contains(customer.email, 'agent-e2e')");
        await page.Locator("[data-testid=valid]").WaitForAsync();

        await page.ClickAsync("[data-testid=add-Action]");
        await page.SelectOptionAsync("[data-testid=action-action-1]", "ai.agent");
        await page.Locator("[data-testid=param-action-1-goal]").WaitForAsync();
        await page.FillAsync("[data-testid=param-action-1-goal]",
            "Read order #{{order.number}} (order id {{order.id}}) and open a task for the manager about it.");
        await page.CheckAsync("[data-testid='tool-action-1-tools-sales.get_order']");
        await page.CheckAsync("[data-testid='tool-action-1-tools-activities.create_task']");
        (await page.Locator("[data-testid=tools-action-1-tools]").InnerTextAsync()).ShouldNotContain("activities.request_approval",
            Case.Sensitive, "an agent asks for approvals itself; the approval action is no tool");
        await page.ClickAsync("[data-testid=publish]");
        await page.WaitForURLAsync("**/Settings/Automation/Versions**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        var ruleId = new Uri(page.Url).Query.Split('&').First(p => p.TrimStart('?').StartsWith("id=", StringComparison.Ordinal))
            .Split('=')[1];

        var order = await (await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "e2e-agent-1", currency = "RUB", customer = new { name = "Agent Buyer", email = "agent-e2e@agent.test" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 3" }, paymentMethod = "cash",
            lines = new[] { new { sku = "SKU-011", quantity = 1, unitPrice = 100 } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();

        // Its own row, finished: other rules' runs about the same order are listed there too.
        await page.GotoAsync("/Settings/Automation/Runs?subjectId=" + orderId);
        var row = page.Locator("[data-testid=runs-table] tr", new PageLocatorOptions { HasText = "An agent looks at new orders" });
        var state = await Eventually.WaitForAsync(async () =>
        {
            await page.ReloadAsync();
            return await row.CountAsync() == 1 ? await row.InnerTextAsync() : string.Empty;
        }, t => t.Contains("completed", StringComparison.Ordinal) || t.Contains("dead", StringComparison.Ordinal),
            TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(500));
        state.ShouldContain("completed");
        await row.Locator("a").First.ClickAsync();
        (await page.Locator("[data-testid=run-state]").InnerTextAsync()).ShouldBe("completed");
        var steps = await page.Locator("[data-testid=run-steps]").InnerTextAsync();
        steps.ShouldContain("agent: tool call");
        steps.ShouldContain("sales.get_order");
        steps.ShouldContain($"read order #{order.GetProperty("number").GetInt64()}");
        steps.ShouldContain("activities.create_task");
        steps.ShouldContain("agent: model turn");
        steps.ShouldContain("the agent finished in 3 turns with 2 tool calls");
        await PageTourTests.ShotAsync(page, "agent-run");

        await page.GotoAsync($"/Settings/Automation/DryRun?id={ruleId}");
        await page.FillAsync("#subjectId", orderId.ToString());
        await page.ClickAsync("[data-testid=dry-run]");
        var report = await page.Locator("[data-testid=dry-run-report]").InnerTextAsync();
        report.ShouldContain("would call ai.agent");
        report.ShouldContain("may read with sales.get_order");
        report.ShouldContain("may call activities.create_task: side effects described, not done");
        (await app.ScalarAsync("SELECT count(*) FROM activities.tasks WHERE title LIKE 'Follow up: Read order #%'")).ShouldBe(1L,
            "the dry run created nothing");
    }
}
