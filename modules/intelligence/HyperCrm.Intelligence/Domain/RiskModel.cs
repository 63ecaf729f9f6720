using HyperCrm.Framework.Domain;

namespace HyperCrm.Intelligence.Domain;

/// <summary>
/// One version of the fraud-risk model in the registry: the trained model itself, what it learned from, how it did on
/// examples it never saw, and whether it is the one that scores orders now (exactly one is promoted).
/// </summary>
public sealed class RiskModel : AggregateRoot<Guid>
{
    public int Version { get; private set; }
    public DateTimeOffset TrainedAt { get; private set; }

    /// <summary>What it learned from: the synthetic generator's name, or the CRM's own decisions.</summary>
    public string TrainedOn { get; private set; } = string.Empty;
    public int Examples { get; private set; }
    public int HeldOut { get; private set; }
    public double Auc { get; private set; }
    public double Precision { get; private set; }
    public double Recall { get; private set; }
    public double Threshold { get; private set; }
    public double TrainingSeconds { get; private set; }
    public bool Promoted { get; private set; }
    public byte[] Bytes { get; private set; } = [];

    private RiskModel() { }

    public RiskModel(Guid id, int version, DateTimeOffset trainedAt, string trainedOn, Fraud.FraudModelMetrics metrics, byte[] bytes)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Version = version;
        TrainedAt = trainedAt;
        TrainedOn = Check.NotNullOrWhiteSpace(trainedOn, nameof(trainedOn), 80);
        (Examples, HeldOut, Auc, Precision, Recall, Threshold, TrainingSeconds) = (metrics.Examples, metrics.HeldOut, metrics.Auc,
            metrics.Precision, metrics.Recall, metrics.Threshold, metrics.TrainingSeconds);
        Bytes = bytes;
    }

    public Fraud.FraudModelMetrics Metrics => new(Auc, Precision, Recall, Threshold, Examples, HeldOut, TrainingSeconds);

    /// <summary>This version scores orders from now on (the registry demotes the one before).</summary>
    public void Promote() => Promoted = true;

    public void Demote() => Promoted = false;
}
