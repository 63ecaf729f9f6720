using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Intelligence.Domain;

/// <summary>
/// One fraud-risk score of one order, kept for review: the model version that gave it, the probability, whether it is
/// over the threshold, the features it saw (the input snapshot, as JSON) and the reasons in words (messages, worded in
/// the reader's language when shown).
/// </summary>
public sealed class OrderRiskScore : AggregateRoot<Guid>
{
    public Guid OrderId { get; private set; }
    public int ModelVersion { get; private set; }
    public double Score { get; private set; }
    public bool Risky { get; private set; }
    public string Inputs { get; private set; } = "{}";
    public string Reasons { get; private set; } = "[]";
    public DateTimeOffset At { get; private set; }

    private OrderRiskScore() { }

    public OrderRiskScore(Guid id, Guid orderId, int modelVersion, double score, bool risky, Fraud.FraudFeatures inputs,
        IReadOnlyList<Message> reasons, DateTimeOffset at) : base(id)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(reasons);
        OrderId = orderId;
        ModelVersion = modelVersion;
        Score = score;
        Risky = risky;
        Inputs = inputs.ToJson();
        Reasons = Message.ToJsonArray(reasons);
        At = at;
    }
}
