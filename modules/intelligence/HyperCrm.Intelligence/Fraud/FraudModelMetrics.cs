namespace HyperCrm.Intelligence.Fraud;

/// <summary>How a model did on the held-out examples: area under the ROC curve, precision and recall at the threshold.</summary>
public sealed record FraudModelMetrics(double Auc, double Precision, double Recall, double Threshold, int Examples, int HeldOut,
    double TrainingSeconds);
