using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Automation.Rules;
using HyperCrm.Intelligence;
using HyperCrm.Intelligence.Fraud;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Intelligence;

/// <summary>
/// <c>ai.score_order</c> in a rule: the first score trains and registers model version 1 (with its held-out metrics), an
/// obviously fraudulent order comes out risky with reasons in words on the order (API and page), an ordinary one does
/// not, and a person's decision (<c>ai.record_risk_decision</c>) overrides the model for that order and is kept as a
/// label.
/// </summary>
public sealed class FraudScoringTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    private static StepDto Step(string id, string action, params (string Key, string Value)[] parameters) => new()
    {
        Id = id, Kind = StepKind.Action, Action = action, Parameters = parameters.ToDictionary(p => p.Key, p => p.Value),
    };

    [Fact]
    public async Task A_Scoring_Rule_Should_Flag_The_Fraudulent_Order_With_Reasons_And_A_Decision_Should_Override_It()
    {
        await PublishAsync("Score orders (test)", new RuleDefinitionDto
        {
            Trigger = "sales.order.created",
            Condition = "endsWith(customer.email, '@score.test') or endsWith(customer.email, '@mailinator.com')",
            Steps =
            [
                Step("risk", "ai.score_order"),
                Step("decide", "ai.record_risk_decision", ("fraud", "false"), ("decided_by", "Olga"), ("reason", "known to us")),
                Step("rescore", "ai.score_order"),
            ],
        });

        // Four quick orders first, then the fifth, big one: a new customer, phone abroad, a throwaway email.
        for (var i = 0; i < 4; i++) await PlaceAsync($"fraud-warmup-{i}", "quick@mailinator.com", "+447911123456", 1490m);
        var fraud = await PlaceAsync("fraud-big", "quick@mailinator.com", "+447911123456", 149_000m);
        var ordinary = await PlaceAsync("ordinary", "anna@score.test", "+79161234567", 1490m);

        var runs = await Eventually.WaitForAsync(() => RunAsync(fraud), r => r?.State == RunState.Completed, TimeSpan.FromSeconds(60));
        var first = Outputs(runs!, "risk");
        first.GetProperty("risky").GetBoolean().ShouldBeTrue();
        first.GetProperty("score").GetDouble().ShouldBeGreaterThanOrEqualTo(0.5);
        first.GetProperty("model_version").GetInt32().ShouldBe(1);
        Outputs(runs!, "rescore").GetProperty("risky").GetBoolean().ShouldBeFalse("a person's decision overrides the model");

        var order = await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{fraud}");
        order.GetProperty("riskScore").GetDecimal().ShouldBeGreaterThanOrEqualTo(0.5m);
        var reasons = order.GetProperty("riskReasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        reasons.ShouldNotBeEmpty();
        reasons.ShouldContain(r => r.Contains("shop's usual order") || r.Contains("throwaway") || r.Contains("last hour")
            || r.Contains("country") || r.Contains("new customer"));
        var steps = await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{fraud}/timeline");
        steps.EnumerateArray().ShouldContain(s => s.GetProperty("what").GetString() == "risk.decided"
            && s.GetProperty("actorName").GetString() == "Olga");

        var calm = await Eventually.WaitForAsync(() => RunAsync(ordinary), r => r?.State == RunState.Completed, TimeSpan.FromSeconds(60));
        Outputs(calm!, "risk").GetProperty("risky").GetBoolean().ShouldBeFalse();
        (await ScalarAsync($"SELECT count(*) FROM intelligence.risk_labels WHERE order_id = '{fraud}' AND NOT fraud")).ShouldBe(1);

        await using var scope = app.Services.CreateAsyncScope();
        var models = await scope.ServiceProvider.GetRequiredService<IRiskModelAppService>().GetListAsync();
        var model = models.ShouldHaveSingleItem();
        (model.Version, model.Promoted, model.TrainedOn).ShouldBe((1, true, SyntheticOrders.Generator));
        model.Auc.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    private async Task PublishAsync(string name, RuleDefinitionDto definition)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rules = scope.ServiceProvider.GetRequiredService<IRuleAppService>();
        var rule = await rules.CreateAsync(name, null, definition);
        await rules.PublishAsync(rule.Id, null, acceptLoopRisk: false);
    }

    private async Task<Guid> PlaceAsync(string externalId, string email, string phone, decimal price)
    {
        var response = await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId, currency = "RUB", paymentMethod = "card",
            customer = new { email, phone, name = "Проверка Риска" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-001", quantity = 1, unitPrice = price } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<RunDto?> RunAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<IRunAppService>();
        var list = await runs.GetListAsync(new GetRunListInput { SubjectId = orderId });
        var mine = list.Items.FirstOrDefault(r => r.RuleName == "Score orders (test)");
        return mine is null ? null : await runs.GetAsync(mine.Id);
    }

    private static JsonElement Outputs(RunDto run, string stepId) =>
        JsonDocument.Parse(run.Steps.Last(s => s.StepId == stepId && s.Output is not null).Output!).RootElement;

    private async Task<long> ScalarAsync(string sql) =>
        Convert.ToInt64(await app.ScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);
}
