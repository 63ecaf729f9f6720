using HyperCrm.Framework.Domain;

namespace HyperCrm.Intelligence.Domain;

/// <summary>
/// A person's decision about an order's fraud risk (approving a held order, or rejecting it as fraud): it overrides the
/// model for that order from then on, is audited with who and why, and is a label the next training learns from, with
/// the features the model saw.
/// </summary>
public sealed class RiskLabel : AggregateRoot<Guid>
{
    public const int MaxReasonLength = 500;

    public Guid OrderId { get; private set; }
    public bool Fraud { get; private set; }
    public string DecidedBy { get; private set; } = string.Empty;
    public string? Reason { get; private set; }

    /// <summary>The features of the score the person overrode (JSON), as training reads them.</summary>
    public string Inputs { get; private set; } = "{}";
    public int? OverriddenModelVersion { get; private set; }
    public DateTimeOffset At { get; private set; }

    private RiskLabel() { }

    public RiskLabel(Guid id, Guid orderId, bool fraud, string decidedBy, string? reason, OrderRiskScore? overridden, DateTimeOffset at)
        : base(id)
    {
        OrderId = orderId;
        Fraud = fraud;
        DecidedBy = Check.NotNullOrWhiteSpace(decidedBy, nameof(decidedBy), 200);
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, MaxReasonLength)];
        Inputs = overridden?.Inputs ?? "{}";
        OverriddenModelVersion = overridden?.ModelVersion;
        At = at;
    }
}
