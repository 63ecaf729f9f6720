using HyperCrm.Intelligence.Fraud;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Intelligence;

/// <summary>The model trained once for the class: from the synthetic set, as an installation's first model is.</summary>
public sealed class SyntheticFraudModel
{
    public FraudModel Model { get; } = FraudTrainer.Train(SyntheticOrders.Generate(20_000));
}

/// <summary>
/// The fraud-risk model learns from the synthetic set deterministically, separates fraud from honest orders it never saw
/// (AUC ≥ 0.9), holds an obviously fraudulent order with reasons in words, and lets an ordinary repeat order through.
/// </summary>
public sealed class FraudModelTests(SyntheticFraudModel trained) : IClassFixture<SyntheticFraudModel>
{
    private static readonly FraudFeatures Fraudulent = new()
    {
        // A new customer, 30× the shop's usual amount, phone abroad, a throwaway email, five orders in ten minutes (so four
        // earlier ones, small: this one is 30× their average too).
        AmountToCustomerAverage = 30, AmountToShopAverage = 30, CustomerAgeDays = 0, EarlierOrders = 4, OrdersLastHour = 5,
        CountryMismatch = 1, DisposableEmail = 1, CardPayment = 1, Quantity = 3,
    };

    private static readonly FraudFeatures OrdinaryRepeat = new()
    {
        AmountToCustomerAverage = 1.1f, AmountToShopAverage = 0.9f, CustomerAgeDays = 400, EarlierOrders = 6, OrdersLastHour = 1,
        CountryMismatch = 0, DisposableEmail = 0, CardPayment = 1, Quantity = 2,
    };

    [Fact]
    public void The_Model_Should_Separate_Fraud_From_Honest_Orders_It_Never_Saw()
    {
        var metrics = trained.Model.Metrics;

        metrics.Auc.ShouldBeGreaterThanOrEqualTo(0.9);
        metrics.HeldOut.ShouldBeInRange(3_500, 4_500);
        metrics.Precision.ShouldBeGreaterThan(0.7);
        metrics.Recall.ShouldBeGreaterThan(0.7);
        trained.Model.Bytes.Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void An_Obviously_Fraudulent_Order_Should_Be_Over_The_Threshold_With_Reasons_In_Words()
    {
        var (probability, reasons) = trained.Model.Score(Fraudulent);

        probability.ShouldBeGreaterThanOrEqualTo(trained.Model.Metrics.Threshold);
        reasons.Count.ShouldBeInRange(1, 3);
        reasons.ShouldAllBe(r => r.Weight > 0);
        var words = reasons.Select(r => FraudReasons.Of(r.Feature, Fraudulent)).ToList();
        words.Select(w => w.Key).ShouldAllBe(k => k!.StartsWith("Intelligence:Reason:", StringComparison.Ordinal));
        FraudReasons.Of(nameof(FraudFeatures.AmountToShopAverage), Fraudulent).Args!["ratio"].ShouldBe("30");
    }

    [Fact]
    public void An_Ordinary_Repeat_Order_Should_Flow_On()
    {
        var (probability, _) = trained.Model.Score(OrdinaryRepeat);

        probability.ShouldBeLessThan(0.2);
    }

    /// <summary>
    /// Orders honest shops see every day must flow on: a busy repeat buyer ordering dozens of times in an hour on their first
    /// day (a reseller's integration, the load tests), a big first basket with nothing else odd, a first order by card.
    /// </summary>
    [Theory]
    [InlineData(1.0f, 1.0f, 0f, 1f, 2f, 1f)]
    [InlineData(1.0f, 1.0f, 0f, 4f, 5f, 1f)]
    [InlineData(1.0f, 1.0f, 0f, 40f, 41f, 1f)]
    [InlineData(1.0f, 0.8f, 0f, 150f, 120f, 1f)]
    [InlineData(0f, 6.0f, 0f, 0f, 1f, 1f)]
    [InlineData(0f, 12.0f, 0f, 0f, 1f, 1f)]
    [InlineData(0f, 1.0f, 0f, 0f, 1f, 1f)]
    [InlineData(0f, 1.2f, 0f, 2f, 3f, 0f)]
    public void An_Honest_Busy_Or_Big_Order_With_Nothing_Else_Odd_Should_Flow_On(float toCustomer, float toShop, float ageDays,
        float earlier, float lastHour, float card)
    {
        var order = new FraudFeatures
        {
            AmountToCustomerAverage = toCustomer, AmountToShopAverage = toShop, CustomerAgeDays = ageDays, EarlierOrders = earlier,
            OrdersLastHour = lastHour, CountryMismatch = 0, DisposableEmail = 0, CardPayment = card, Quantity = 1,
        };

        trained.Model.Score(order).Probability.ShouldBeLessThan(trained.Model.Metrics.Threshold);
    }

    [Fact]
    public void Training_Should_Be_Deterministic_And_A_Stored_Model_Should_Score_The_Same()
    {
        var rows = SyntheticOrders.Generate(3_000, seed: 7);
        var first = FraudTrainer.Train(rows, seed: 7);
        var second = FraudTrainer.Train(SyntheticOrders.Generate(3_000, seed: 7), seed: 7);

        second.Metrics.Auc.ShouldBe(first.Metrics.Auc);
        second.Score(Fraudulent).Probability.ShouldBe(first.Score(Fraudulent).Probability);
        FraudTrainer.Load(first.Bytes, first.Metrics).Score(Fraudulent).Probability.ShouldBe(first.Score(Fraudulent).Probability);
    }
}
