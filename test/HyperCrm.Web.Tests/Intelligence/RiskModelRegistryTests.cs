using System.Net;
using HyperCrm.Intelligence;
using HyperCrm.Intelligence.Application;
using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Domain;
using HyperCrm.Intelligence.Fraud;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Intelligence;

/// <summary>
/// Settings → AI: only people allowed to see it do; a retrain learns from people's decisions (labels) into a new version
/// that is promoted only when it beats the current one on the same held-out orders; promoting an older version rolls
/// back at once; every change is audited.
/// </summary>
public sealed class RiskModelRegistryTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task An_Admin_Should_Retrain_From_Decisions_And_Roll_Back_And_Others_Should_Not()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntelligenceDbContext>();
            (await scope.ServiceProvider.GetRequiredService<RiskModelRegistry>().CurrentAsync(db, default)).Version.ShouldBe(1);
            // Two people's decisions: a big first order judged fine, a small one judged fraud.
            db.RiskLabels.Add(Label(db, fraud: false, new FraudFeatures { AmountToShopAverage = 25, OrdersLastHour = 1, CardPayment = 1 }));
            db.RiskLabels.Add(Label(db, fraud: true, new FraudFeatures { AmountToShopAverage = 1, DisposableEmail = 1, CardPayment = 1 }));
            await db.SaveChangesAsync();
        }
        var sales = await app.SignInAsStaffAsync("sales.ai@example.com", "sales");
        (await sales.GetAsync("/Settings/Ai")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        var support = await app.SignInAsStaffAsync("support.ai@example.com", "support");
        var seen = await support.GetStringAsync("/Settings/Ai");
        seen.ShouldContain("data-testid=\"models-table\"");
        seen.ShouldNotContain("data-testid=\"retrain\"");
        var refused = await HyperCrmWebApplicationFactory.PostFormAsync(support, "/Settings/Ai?handler=Retrain",
            new Dictionary<string, string>(), "/Settings/Ai");
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (refused.StatusCode == HttpStatusCode.Redirect) refused.Headers.Location!.ToString().ShouldContain("Denied");
        (await ModelsAsync()).Count.ShouldBe(1, "support may look, not retrain");

        var admin = await app.SignInAsync();
        var retrained = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Settings/Ai?handler=Retrain",
            new Dictionary<string, string>(), "/Settings/Ai");
        retrained.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var models = await ModelsAsync();
        var second = models.Single(m => m.Version == 2);
        second.TrainedOn.ShouldBe($"{SyntheticOrders.Generator} + 2 decisions");
        second.Examples.ShouldBe(RiskModelRegistry.SyntheticExamples + 2 * RiskModelAppService.LabelWeight);
        second.Auc.ShouldBeGreaterThanOrEqualTo(0.9);
        models.Count(m => m.Promoted).ShouldBe(1);
        (await AuditAsync("ai.model.trained")).ShouldBe(1);

        // Roll back to version 1, then forward to version 2: each takes effect for the next score at once.
        foreach (var version in new[] { 1, 2 })
        {
            var promoted = await HyperCrmWebApplicationFactory.PostFormAsync(admin, $"/Settings/Ai?handler=Promote&version={version}",
                new Dictionary<string, string>(), "/Settings/Ai");
            promoted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await ModelsAsync()).Single(m => m.Promoted).Version.ShouldBe(version);
            await using var scope = app.Services.CreateAsyncScope();
            (await scope.ServiceProvider.GetRequiredService<RiskModelRegistry>().CurrentAsync(
                scope.ServiceProvider.GetRequiredService<IntelligenceDbContext>(), default)).Version.ShouldBe(version);
        }
        // Promoting the version already promoted changes nothing and is not audited; a real change always is.
        (await AuditAsync("ai.model.promoted")).ShouldBeGreaterThanOrEqualTo(1);
        (await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Settings/Ai?handler=Promote&version=99",
            new Dictionary<string, string>(), "/Settings/Ai")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>A person's decision on a scored order, as a test's training data (the score row it overrides is added too).</summary>
    internal static RiskLabel Label(IntelligenceDbContext db, bool fraud, FraudFeatures features)
    {
        var orderId = Guid.NewGuid();
        var scored = new OrderRiskScore(Guid.NewGuid(), orderId, 1, 0.5, true, features, [], DateTimeOffset.UtcNow);
        db.RiskScores.Add(scored);
        return new RiskLabel(Guid.NewGuid(), orderId, fraud, "Olga", "checked by phone", scored, DateTimeOffset.UtcNow);
    }

    private async Task<IReadOnlyList<RiskModelDto>> ModelsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRiskModelAppService>().GetListAsync();
    }

    private async Task<long> AuditAsync(string action) =>
        Convert.ToInt64(await app.ScalarAsync($"SELECT count(*) FROM identity.security_audit_log WHERE action = '{action}'"),
            System.Globalization.CultureInfo.InvariantCulture);
}
