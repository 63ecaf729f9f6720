namespace HyperCrm.Intelligence;

/// <summary>
/// One version of the fraud-risk model with what it was trained on and how it did on examples it never saw: the area
/// under the ROC curve, and precision and recall at the threshold it holds orders at.
/// </summary>
public sealed record RiskModelDto(int Version, DateTimeOffset TrainedAt, string TrainedOn, int Examples, double Auc, double Precision,
    double Recall, double Threshold, bool Promoted, long SizeBytes, double TrainingSeconds);
