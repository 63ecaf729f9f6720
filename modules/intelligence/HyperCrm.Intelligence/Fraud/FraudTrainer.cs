using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace HyperCrm.Intelligence.Fraud;

/// <summary>
/// Trains the fraud-risk model: a FastTree binary classifier (boosted decision trees, calibrated to a probability) over
/// <see cref="FraudFeatures"/>, with a fifth of the examples held out to measure it, and a feature-contribution step
/// appended so every score says which features raised it. One thread and a fixed seed: the same rows give the same
/// model, bit for bit. <see cref="Evaluate"/> measures any model on given orders, so a candidate and the current model
/// can be compared on the same held-out set.
/// </summary>
public static class FraudTrainer
{
    public const double DefaultThreshold = 0.5;

    public static FraudModel Train(IReadOnlyList<FraudFeatures> rows, int seed = SyntheticOrders.DefaultSeed,
        double threshold = DefaultThreshold)
    {
        var (train, test) = Split(rows, seed);
        return Train(train, test, seed, threshold);
    }

    /// <summary>A seeded shuffle into four fifths to learn from and one fifth held out.</summary>
    public static (List<FraudFeatures> Train, List<FraudFeatures> Test) Split(IReadOnlyList<FraudFeatures> rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var random = new Random(seed);
        var shuffled = rows.OrderBy(_ => random.Next()).ToList();
        var held = Math.Max(1, shuffled.Count / 5);
        return (shuffled[held..], shuffled[..held]);
    }

    public static FraudModel Train(IReadOnlyList<FraudFeatures> train, IReadOnlyList<FraudFeatures> test, int seed,
        double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var clock = Stopwatch.StartNew();
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(train);
        var pipeline = ml.Transforms.Concatenate("Features", FraudFeatures.Names)
            .Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = 100, NumberOfLeaves = 16, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1, NumberOfThreads = 1,
                Seed = seed,
            }));
        var trained = pipeline.Fit(data);
        var explain = ml.Transforms.CalculateFeatureContribution(trained.LastTransformer,
            numberOfPositiveContributions: FraudFeatures.Names.Length, numberOfNegativeContributions: 0, normalize: false)
            .Fit(trained.Transform(data));
        var model = trained.Append(explain);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        clock.Stop();
        var measured = Measure(ml, model, test, threshold);
        return new FraudModel(ml, model, stream.ToArray(), measured with
        {
            Examples = train.Count + test.Count, TrainingSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
        });
    }

    /// <summary>How a model does on these orders: AUC, and precision and recall at the threshold.</summary>
    public static FraudModelMetrics Evaluate(FraudModel model, IReadOnlyList<FraudFeatures> test, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Measure(model.Context, model.Transformer, test, threshold) with
        {
            Examples = model.Metrics.Examples, TrainingSeconds = model.Metrics.TrainingSeconds,
        };
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

    private static FraudModelMetrics Measure(MLContext ml, ITransformer model, IReadOnlyList<FraudFeatures> test, double threshold)
    {
        ArgumentNullException.ThrowIfNull(test);
        var scored = model.Transform(ml.Data.LoadFromEnumerable(test));
        var auc = ml.BinaryClassification.Evaluate(scored).AreaUnderRocCurve;
        var rows = ml.Data.CreateEnumerable<Scored>(scored, reuseRowObject: false).ToList();
        var truePositives = rows.Count(r => r.Label && r.Probability >= threshold);
        var flagged = rows.Count(r => r.Probability >= threshold);
        var frauds = rows.Count(r => r.Label);
        return new FraudModelMetrics(Math.Round(auc, 4), Math.Round(flagged == 0 ? 0 : truePositives / (double)flagged, 4),
            Math.Round(frauds == 0 ? 0 : truePositives / (double)frauds, 4), threshold, 0, rows.Count, 0);
    }

    private sealed class Scored
    {
        public bool Label { get; set; }
        public float Probability { get; set; }
    }
}
