using System.Diagnostics;
using HyperCrm.Intelligence.Fraud;
using HyperCrm.Intelligence.Triage;

namespace HyperCrm.Bench;

/// <summary>
/// The AI in process, on one thread: training the fraud-risk model on the synthetic set (time, size), scoring orders one by
/// one with their reasons (p50/p99, scores per second on one core), and the triage model's training and reading time.
/// </summary>
public static class AiBench
{
    public static Dictionary<string, object?> Run(TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var watch = Stopwatch.StartNew();
        var model = FraudTrainer.Train(SyntheticOrders.Generate(20_000));
        var trainingSeconds = watch.Elapsed.TotalSeconds;
        var orders = SyntheticOrders.Generate(20_000, seed: 7);
        foreach (var order in orders.Take(500)) model.Score(order);
        var scoreUs = new List<double>(orders.Count);
        watch.Restart();
        foreach (var order in orders)
        {
            var one = Stopwatch.GetTimestamp();
            model.Score(order);
            scoreUs.Add(Stopwatch.GetElapsedTime(one).TotalMicroseconds);
        }
        var perSecond = orders.Count / watch.Elapsed.TotalSeconds;

        watch.Restart();
        var triage = TriageTrainer.Train(TriageDataset.Load());
        var triageSeconds = watch.Elapsed.TotalSeconds;
        var texts = TriageDataset.Load().Select(e => e.Text).ToList();
        foreach (var text in texts.Take(200)) triage.Classify(text);
        var readUs = texts.Select(text =>
        {
            var one = Stopwatch.GetTimestamp();
            triage.Classify(text);
            return Stopwatch.GetElapsedTime(one).TotalMicroseconds;
        }).ToList();
        log.WriteLine($"ai: fraud model trained in {trainingSeconds:0.0} s ({model.Bytes.Length / 1024} KB), {perSecond:N0} scores/s " +
            $"on one thread; triage trained in {triageSeconds:0.0} s");
        return new Dictionary<string, object?>
        {
            ["fraud_training_s"] = Math.Round(trainingSeconds, 2),
            ["fraud_model_kb"] = Math.Round(model.Bytes.Length / 1024.0, 1),
            ["fraud_auc"] = model.Metrics.Auc,
            ["fraud_score_p50_us"] = Percentiles.Of(scoreUs, 50),
            ["fraud_score_p99_us"] = Percentiles.Of(scoreUs, 99),
            ["fraud_scores_per_s_one_thread"] = Math.Round(perSecond),
            ["triage_training_s"] = Math.Round(triageSeconds, 2),
            ["triage_read_p50_us"] = Percentiles.Of(readUs, 50),
            ["triage_read_p99_us"] = Percentiles.Of(readUs, 99),
            ["triage_intent_accuracy_ru"] = triage.Metrics.IntentAccuracy["ru"],
            ["triage_intent_accuracy_en"] = triage.Metrics.IntentAccuracy["en"],
        };
    }
}
