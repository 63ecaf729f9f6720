using HyperCrm.Intelligence.Triage;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Intelligence;

/// <summary>The model trained once for the class from the shipped dataset, as the app trains it.</summary>
public sealed class ShippedTriageModel
{
    public TriageModel Model { get; } = TriageTrainer.Train(TriageDataset.Load());
}

/// <summary>
/// Message triage: intent is right on at least 85 % of the held-out messages in each language, sentiment is reported,
/// and messages written by hand (not from the dataset's phrasings) mostly come out right, the rest with low confidence.
/// </summary>
public sealed class TriageModelTests(ShippedTriageModel trained) : IClassFixture<ShippedTriageModel>
{
    [Fact]
    public void The_Shipped_Dataset_Should_Have_Hundreds_Of_Messages_Per_Language_And_Intent()
    {
        var rows = TriageDataset.Load();
        foreach (var language in new[] { "en", "ru" })
            foreach (var intent in TriageDataset.Intents)
                rows.Count(r => r.Language == language && r.Intent == intent).ShouldBeGreaterThanOrEqualTo(300, $"{language} {intent}");
        rows.Select(r => r.Sentiment).Distinct().OrderBy(s => s).ShouldBe(TriageDataset.Sentiments.OrderBy(s => s));
    }

    [Fact]
    public void Intent_Should_Be_Right_On_At_Least_85_Percent_Of_Held_Out_Messages_In_Each_Language()
    {
        var metrics = trained.Model.Metrics;

        metrics.IntentAccuracy["en"].ShouldBeGreaterThanOrEqualTo(0.85);
        metrics.IntentAccuracy["ru"].ShouldBeGreaterThanOrEqualTo(0.85);
        metrics.SentimentAccuracy["en"].ShouldBeGreaterThanOrEqualTo(0.8);
        metrics.SentimentAccuracy["ru"].ShouldBeGreaterThanOrEqualTo(0.8);
        metrics.HeldOut.ShouldBe(600);
    }

    [Theory]
    [InlineData("My parcel still hasn't come. Where is order 5521 now?", "order_status", "en")]
    [InlineData("The blender you sent is broken and smells of smoke, this is outrageous", "complaint", "en")]
    [InlineData("I'd like to send the jacket back and get a refund please", "return", "en")]
    [InlineData("Do you deliver to Novosibirsk?", "question", "en")]
    [InlineData("Где сейчас мой заказ 7781? Когда доставят?", "order_status", "ru")]
    [InlineData("Курьер опоздал, коробка разбита, ужасный сервис", "complaint", "ru")]
    [InlineData("Хочу вернуть пылесос и получить деньги обратно", "return", "ru")]
    [InlineData("Спасибо большое, всё пришло вовремя!", "other", "ru")]
    public void A_Message_Written_By_Hand_Should_Be_Read_Right(string text, string intent, string language)
    {
        var result = trained.Model.Classify(text);

        result.Intent.ShouldBe(intent, $"{result.Intent} at {result.IntentConfidence:0.00}");
        result.Language.ShouldBe(language);
        result.IntentConfidence.ShouldBeInRange(0, 1);
    }

    [Fact]
    public void An_Angry_Complaint_Should_Read_Negative_And_Thanks_Positive()
    {
        trained.Model.Classify("This is unacceptable, the coat arrived torn and nobody answers").Sentiment.ShouldBe("negative");
        trained.Model.Classify("Thank you, the delivery was super fast and the lamp is perfect").Sentiment.ShouldBe("positive");
    }

    [Theory]
    [InlineData("see attached")]
    [InlineData("ok")]
    [InlineData("xyzzy plugh")]
    public void A_Message_With_Nothing_To_Go_On_Should_Be_Read_With_Low_Confidence(string text) =>
        trained.Model.Classify(text).IntentConfidence.ShouldBeLessThan(0.6);

    [Fact]
    public void Training_Should_Be_Deterministic()
    {
        var again = TriageTrainer.Train(TriageDataset.Load());

        again.Metrics.IntentAccuracy.ShouldBe(trained.Model.Metrics.IntentAccuracy);
        again.Classify("где мой заказ").IntentConfidence.ShouldBe(trained.Model.Classify("где мой заказ").IntentConfidence);
    }
}
