using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HyperCrm.Automation.Rules;
using HyperCrm.Automation.Web.Pages.Settings.Automation;
using HyperCrm.Framework.Security;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Automation;

public sealed partial class AutomationUiTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task The_Default_Playbook_Should_Be_Seeded_Published_And_Listed()
    {
        var admin = await app.SignInAsync();

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Settings/Automation"));

        page.ShouldContain("VIP orders: the customer's manager calls");
        page.ShouldContain("Large first orders wait for approval");
        page.ShouldContain("Delivered orders are completed");
        page.ShouldNotContain("never published");
        var vip = await RuleIdAsync("VIP orders: the customer's manager calls");
        var editor = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Settings/Automation/Edit?id={vip}"));
        editor.ShouldContain("customer.tags");
        editor.ShouldContain("data-testid=\"valid\"");
        (await admin.GetStringAsync($"/Settings/Automation/Versions?id={vip}")).ShouldContain("default playbook");
    }

    [Fact]
    public async Task An_Admin_Should_Build_Publish_And_See_A_Rule_Run_From_The_Editor()
    {
        var admin = await app.SignInAsync();
        var created = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Settings/Automation?handler=Create",
            new Dictionary<string, string> { ["name"] = "UI: big orders", ["trigger"] = "sales.order.created" }, "/Settings/Automation");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var editUrl = created.Headers.Location!.ToString();
        var id = Guid.Parse(editUrl.Split("id=")[1]);

        // Add an action step (the editor re-renders with the new step), then fill it in.
        var form = new Dictionary<string, string> { ["Name"] = "UI: big orders", ["Trigger"] = "sales.order.created",
            ["Condition"] = "order.total > 77000", ["add"] = "|Action" };
        var added = WebUtility.HtmlDecode(await (await HyperCrmWebApplicationFactory.PostFormAsync(admin,
            $"/Settings/Automation/Edit?handler=Add&id={id}", form, editUrl)).Content.ReadAsStringAsync());
        added.ShouldContain("name=\"Steps[0].Id\" value=\"action-1\"");
        added.ShouldContain("— pick an action —");

        var full = new Dictionary<string, string>
        {
            ["Name"] = "UI: big orders", ["Trigger"] = "sales.order.created", ["Condition"] = "order.total > 77000",
            ["Steps[0].Id"] = "action-1", ["Steps[0].Kind"] = "Action", ["Steps[0].Action"] = "activities.create_task",
            ["Steps[0].Parameters[title]"] = "Check big order #{{order.number}}", ["Steps[0].Parameters[priority]"] = "high",
        };
        var bad = new Dictionary<string, string>(full) { ["Condition"] = "order.totl > 77000" };
        var validated = WebUtility.HtmlDecode(await (await HyperCrmWebApplicationFactory.PostFormAsync(admin,
            $"/Settings/Automation/Edit?handler=Validate&id={id}", bad, editUrl)).Content.ReadAsStringAsync());
        validated.ShouldContain("did you mean 'order.total'?");
        validated.ShouldContain("column 1");

        var published = await HyperCrmWebApplicationFactory.PostFormAsync(admin, $"/Settings/Automation/Edit?handler=Publish&id={id}", full,
            editUrl);
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        published.Headers.Location!.ToString().ShouldContain("/Settings/Automation/Versions");

        var order = await (await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "ui-rule-1", currency = "RUB",
            customer = new { name = "Rule Test", email = "rule-ui@automation.test" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-001", quantity = 1, unitPrice = 80000 } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();

        var runs = await Eventually.WaitForAsync(async () =>
        {
            var response = await admin.GetAsync($"/Settings/Automation/Runs?ruleId={id}&subjectId={orderId}");
            var body = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).ShouldBe(200, body);
            return body;
        }, p => RunLink().IsMatch(p), TimeSpan.FromSeconds(30));
        var runId = RunLink().Match(runs).Groups[1].Value;
        var run = WebUtility.HtmlDecode(await Eventually.WaitForAsync(() => admin.GetStringAsync($"/Settings/Automation/Run?id={runId}"),
            p => p.Contains("data-testid=\"run-state\">completed", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        run.ShouldContain("held with order.total = 80000");
        run.ShouldContain("activities.create_task");
        run.ShouldContain($"task \"Check big order #{order.GetProperty("number").GetInt64()}\"");
        // The time filter: a window around now lists the run and keeps its bounds in the form; a window in the past does not.
        var now = DateTime.UtcNow;
        string Window(DateTime from,
            DateTime to) => $"/Settings/Automation/Runs?ruleId={id}&from={RunsModel.Stamp(from)}&to={RunsModel.Stamp(to)}";
        var around = await admin.GetStringAsync(Window(now.AddHours(-1), now.AddHours(1)));
        around.ShouldContain(runId);
        around.ShouldContain($"value=\"{RunsModel.Stamp(now.AddHours(-1))}\"");
        (await admin.GetStringAsync(Window(now.AddDays(-3), now.AddDays(-2)))).ShouldNotContain(runId);
        var steps = await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}/timeline");
        steps.ValueKind.ShouldBe(JsonValueKind.Array);
    }

    [Fact]
    public async Task People_Without_Automation_Permissions_Should_Be_Refused()
    {
        var sales = await app.SignInAsStaffAsync("seller@automation.test", HyperRoles.Sales);
        var support = await app.SignInAsStaffAsync("helper@automation.test", HyperRoles.Support);

        (await sales.GetAsync("/Settings/Automation")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await sales.GetAsync("/Settings/Automation/Runs")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await support.GetAsync("/Settings/Automation/Runs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await support.GetAsync("/Settings/Automation")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task An_Admin_Should_See_And_Edit_What_Undoes_A_Step()
    {
        var admin = await app.SignInAsync();
        var playbook = await RuleIdAsync("Orders go to the ERP, the warehouse and the courier");
        var editor = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Settings/Automation/Edit?id={playbook}"));
        UndoSelected().Match(editor[editor.IndexOf("data-testid=\"undo-action-erp\"", StringComparison.Ordinal)..]).Groups[1].Value
            .ShouldBe("erp.close_customer_order");
        editor.ShouldContain("data-testid=\"undo-action-ship\"");

        var created = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Settings/Automation?handler=Create",
            new Dictionary<string, string> { ["name"] = "UI: undo", ["trigger"] = "sales.order.created" }, "/Settings/Automation");
        var editUrl = created.Headers.Location!.ToString();
        var id = Guid.Parse(editUrl.Split("id=")[1]);
        var saved = await HyperCrmWebApplicationFactory.PostFormAsync(admin, $"/Settings/Automation/Edit?handler=Save&id={id}",
            new Dictionary<string, string>
            {
                ["Name"] = "UI: undo", ["Trigger"] = "sales.order.created",
                ["Steps[0].Id"] = "hold", ["Steps[0].Kind"] = "Action", ["Steps[0].Action"] = "sales.change_order_status",
                ["Steps[0].Parameters[status]"] = "on_hold", ["Steps[0].Parameters[reason]"] = "checking",
                ["Steps[0].UndoAction"] = "activities.create_task",
                ["Steps[0].UndoParameters[title]"] = "Release order #{{order.number}}",
            }, editUrl);
        saved.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.OK);

        await using var scope = app.Services.CreateAsyncScope();
        var draft = (await scope.ServiceProvider.GetRequiredService<IRuleAppService>().GetAsync(id)).Draft;
        var undo = draft.Steps.Single().Compensation.ShouldNotBeNull();
        undo.Action.ShouldBe("activities.create_task");
        undo.Parameters["title"].ShouldBe("Release order #{{order.number}}");
        var shown = WebUtility.HtmlDecode(await admin.GetStringAsync(editUrl));
        shown.ShouldContain("name=\"Steps[0].UndoParameters[title]\" value=\"Release order #{{order.number}}\"");
    }

    [GeneratedRegex("<option value=\"([a-z._]+)\" selected=\"selected\"")]
    private static partial Regex UndoSelected();

    private async Task<Guid> RuleIdAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IRuleAppService>().GetListAsync()).Single(r => r.Name == name).Id;
    }

    [GeneratedRegex("/Settings/Automation/Run\\?id=([0-9a-f-]{36})")]
    private static partial Regex RunLink();
}
