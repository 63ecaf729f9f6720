namespace HyperCrm.Intelligence.Fraud;

/// <summary>What the model answers for one order: the calibrated probability of fraud and each feature's part in it.</summary>
public sealed class FraudPrediction
{
    public bool PredictedLabel { get; set; }
    public float Score { get; set; }
    public float Probability { get; set; }
    public float[] FeatureContributions { get; set; } = [];
}
