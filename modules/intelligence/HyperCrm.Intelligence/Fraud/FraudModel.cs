using Microsoft.ML;

namespace HyperCrm.Intelligence.Fraud;

/// <summary>
/// A trained fraud-risk model ready to score: the probability of fraud for an order's features and the features that
/// pushed it up most, strongest first. Scoring is thread-safe (one prediction engine, used under a lock: a score takes
/// microseconds). <see cref="Bytes"/> is the model as the registry stores it.
/// </summary>
public sealed class FraudModel
{
    private readonly PredictionEngine<FraudFeatures, FraudPrediction> _engine;
    private readonly Lock _gate = new();

    public FraudModel(MLContext ml, ITransformer model, byte[] bytes, FraudModelMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(ml);
        Bytes = bytes;
        Metrics = metrics;
        Context = ml;
        Transformer = model;
        _engine = ml.Model.CreatePredictionEngine<FraudFeatures, FraudPrediction>(model);
    }

    internal MLContext Context { get; }

    internal ITransformer Transformer { get; }

    public byte[] Bytes { get; }

    public FraudModelMetrics Metrics { get; }

    /// <summary>The probability of fraud (0–1) and the features that raised it, by how much, strongest first (at most
    /// <paramref name="top"/>).</summary>
    public (double Probability, IReadOnlyList<(string Feature, double Weight)> Reasons) Score(FraudFeatures features, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(features);
        FraudPrediction prediction;
        lock (_gate) prediction = _engine.Predict(features);
        var reasons = prediction.FeatureContributions
            .Select((weight, index) => (Feature: FraudFeatures.Names[index], Weight: (double)weight))
            .Where(c => c.Weight > 0)
            .OrderByDescending(c => c.Weight)
            .Take(top)
            .ToList();
        return (Math.Round(prediction.Probability, 4), reasons);
    }
}
