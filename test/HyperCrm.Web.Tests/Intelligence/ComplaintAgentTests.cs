using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Automation.Rules;
using HyperCrm.Intelligence;
using HyperCrm.TestBase;
using HyperCrm.Web.Tests.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Intelligence;

/// <summary>
/// The playbook's example agent, turned on, with the sandbox's language model over HTTP: an angry complaint about an open
/// order is read by triage, the agent reads the order and the timeline, attaches a draft reply for a person to send and
/// opens an urgent task — each call on the run — and the rule's fallback is not needed.
/// </summary>
public sealed class ComplaintAgentTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task The_Example_Agent_Should_Be_Off_Until_Turned_On_And_Then_Handle_An_Angry_Complaint()
    {
        (await app.ScalarAsync("SELECT is_enabled FROM automation.rules WHERE playbook_key = 'agent-complaints'")).ShouldBe(false);
        var ruleId = (Guid)(await app.ScalarAsync("SELECT id FROM automation.rules WHERE playbook_key = 'agent-complaints'"))!;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ILlmSettingsAppService>().SaveAsync(new LlmSettingsDto
            {
                Endpoint = app.BaseUrl + "/sandbox/llm/v1", Model = "sandbox", ApiKey = "sandbox-key", TimeoutSeconds = 20,
            });
            await scope.ServiceProvider.GetRequiredService<IRuleAppService>().SetEnabledAsync(ruleId, true);
        }

        var partner = app.CreatePartnerClient();
        var order = await (await partner.PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "agent-complaint-1", currency = "RUB", paymentMethod = "invoice",
            customer = new { email = "furious@agent.test", name = "Furious Buyer" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 9" },
            lines = new[] { new { sku = "SKU-004", quantity = 1, unitPrice = 990m } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();
        var sent = await partner.PostAsJsonAsync("/api/v1/messages", new
        {
            channel = "email", fromEmail = "furious@agent.test", subject = "Broken again",
            text = "The kettle arrived broken and nobody answers the phone, this is unacceptable!", externalId = "agent-mail-1",
        });
        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        var messageId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var run = await Eventually.WaitForAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var runs = scope.ServiceProvider.GetRequiredService<IRunAppService>();
            var items = (await runs.GetListAsync(new GetRunListInput { RuleId = ruleId, PageSize = 10 })).Items;
            var found = items.Count > 0 ? items[0] : null;
            return found is null ? null : await runs.GetAsync(found.Id);
        }, r => r is { State: RunState.Completed or RunState.DeadLettered or RunState.Stopped }, TimeSpan.FromSeconds(90));

        run.ShouldNotBeNull();
        run.State.ShouldBe(RunState.Completed, run.LastError);
        run.Steps.Where(s => s.Kind == "agent_tool").Select(s => (s.Action, s.State)).ShouldBe(
        [
            ("sales.get_order", StepState.Succeeded), ("customers.get_timeline", StepState.Succeeded),
            ("activities.attach_draft_reply", StepState.Succeeded), ("activities.create_task", StepState.Succeeded),
        ], ignoreOrder: true);
        run.Steps.ShouldNotContain(s => s.StepId == "reply", "the fallback was not needed");
        (await app.ScalarAsync($"SELECT draft_source FROM activities.inbound_messages WHERE id = '{messageId}'"))
            .ShouldBe("rule: An AI agent answers angry complaints (example)");
        (await app.ScalarAsync($"SELECT priority FROM activities.tasks WHERE link_id = '{orderId}' AND title LIKE 'Follow up:%'"))
            .ShouldBe("Urgent");
    }
}
