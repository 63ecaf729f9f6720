using HyperCrm.Intelligence;
using HyperCrm.Intelligence.Application;
using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Fraud;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Intelligence;

/// <summary>An installation that retrains every second, to see the schedule at work without waiting for 03:00.</summary>
public sealed class EverySecondRetrainFixture : HyperCrmWebApplicationFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Intelligence:RetrainCron"] = "0/1 * * * * ?",
    };
}

/// <summary>
/// The scheduled retrain trains a new version once people have decided something new since the last one, and does
/// nothing while there is nothing new to learn.
/// </summary>
public sealed class ScheduledRetrainTests(EverySecondRetrainFixture app) : IClassFixture<EverySecondRetrainFixture>
{
    [Fact]
    public async Task A_New_Decision_Should_Be_Learned_On_Schedule_And_Nothing_Trained_Without_One()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntelligenceDbContext>();
            await scope.ServiceProvider.GetRequiredService<RiskModelRegistry>().CurrentAsync(db, default);
        }
        // With nothing decided, the fires that pass train nothing.
        await TwoMoreFiresAsync();
        (await ModelsAsync()).Count.ShouldBe(1);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntelligenceDbContext>();
            db.RiskLabels.Add(RiskModelRegistryTests.Label(db, fraud: false,
                new FraudFeatures { AmountToShopAverage = 40, CardPayment = 1 }));
            await db.SaveChangesAsync();
        }

        var models = await Eventually.WaitForAsync(ModelsAsync, m => m.Count == 2, TimeSpan.FromSeconds(90));
        models.Single(m => m.Version == 2).TrainedOn.ShouldBe($"{SyntheticOrders.Generator} + 1 decisions");
        await TwoMoreFiresAsync();
        (await ModelsAsync()).Count.ShouldBe(2, "one decision is learned once");
    }

    /// <summary>Waits until the retrain trigger has fired twice more (Quartz stores each fire's time on the trigger).</summary>
    private async Task TwoMoreFiresAsync()
    {
        var start = await PreviousFireAsync();
        var seen = new HashSet<long> { start };
        await Eventually.WaitForAsync(async () =>
        {
            seen.Add(await PreviousFireAsync());
            return seen.Count;
        }, n => n >= 3, TimeSpan.FromSeconds(60));
    }

    private async Task<long> PreviousFireAsync() =>
        Convert.ToInt64(await app.ScalarAsync("SELECT coalesce(max(prev_fire_time), 0) FROM quartz.qrtz_triggers " +
            "WHERE trigger_name = 'fraud-model-retrain-cron'"), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<RiskModelDto>> ModelsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRiskModelAppService>().GetListAsync();
    }
}
