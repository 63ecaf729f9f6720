using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace HyperCrm.Intelligence.Fraud;

/// <summary>
/// Trains the fraud-risk model: a FastTree binary classifier (boosted decision trees, calibrated to a probability) over
/// <see cref="FraudFeatures"/>, with a fifth of the examples held out to measure it, and a feature-contribution step
/// appended so every score says which features raised it. One thread and a fixed seed: the same rows give the same
/// model, bit for bit.
/// </summary>
public static class FraudTrainer
{
    public const double DefaultThreshold = 0.5;

    public static FraudModel Train(IReadOnlyList<FraudFeatures> rows, int seed = SyntheticOrders.DefaultSeed,
        double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var clock = Stopwatch.StartNew();
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: seed);
        var pipeline = ml.Transforms.Concatenate("Features", FraudFeatures.Names)
            .Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = 100, NumberOfLeaves = 16, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1, NumberOfThreads = 1,
                Seed = seed,
            }));
        var trained = pipeline.Fit(split.TrainSet);
        var scored = trained.Transform(split.TestSet);
        var metrics = ml.BinaryClassification.Evaluate(scored);
        var (precision, recall, heldOut) = AtThreshold(ml, scored, threshold);
        var explain = ml.Transforms.CalculateFeatureContribution(trained.LastTransformer,
            numberOfPositiveContributions: FraudFeatures.Names.Length, numberOfNegativeContributions: 0, normalize: false)
            .Fit(trained.Transform(split.TrainSet));
        var model = trained.Append(explain);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        clock.Stop();
        return new FraudModel(ml, model, stream.ToArray(), new FraudModelMetrics(Math.Round(metrics.AreaUnderRocCurve, 4),
            Math.Round(precision, 4), Math.Round(recall, 4), threshold, rows.Count, heldOut, Math.Round(clock.Elapsed.TotalSeconds, 2)));
    }

    /// <summary>A model the registry stored, ready to score again.</summary>
    public static FraudModel Load(byte[] bytes, FraudModelMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ml = new MLContext(SyntheticOrders.DefaultSeed);
        using var stream = new MemoryStream(bytes);
        var model = ml.Model.Load(stream, out _);
        return new FraudModel(ml, model, bytes, metrics);
    }

    /// <summary>Precision and recall of "fraud" at the threshold this installation holds orders at.</summary>
    private static (double Precision, double Recall, int Count) AtThreshold(MLContext ml, IDataView scored, double threshold)
    {
        var rows = ml.Data.CreateEnumerable<Scored>(scored, reuseRowObject: false).ToList();
        var truePositives = rows.Count(r => r.Label && r.Probability >= threshold);
        var flagged = rows.Count(r => r.Probability >= threshold);
        var frauds = rows.Count(r => r.Label);
        return (flagged == 0 ? 0 : truePositives / (double)flagged, frauds == 0 ? 0 : truePositives / (double)frauds, rows.Count);
    }

    private sealed class Scored
    {
        public bool Label { get; set; }
        public float Probability { get; set; }
    }
}
