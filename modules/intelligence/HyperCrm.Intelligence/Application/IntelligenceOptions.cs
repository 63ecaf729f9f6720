namespace HyperCrm.Intelligence.Application;

/// <summary>The AI module's settings (section <c>Intelligence</c>).</summary>
public sealed class IntelligenceOptions
{
    public const string Section = "Intelligence";

    /// <summary>When the fraud-risk model retrains on people's new decisions (Quartz cron, the installation's clock; empty: never
    /// by itself). Nightly at 03:00 by default.</summary>
    public string? RetrainCron { get; set; } = "0 0 3 * * ?";

    /// <summary>When every customer who ordered has their segment recomputed (Quartz cron; empty: only after orders). Nightly
    /// at 02:30 by default.</summary>
    public string? SegmentsCron { get; set; } = "0 30 2 * * ?";

    /// <summary>Below this confidence in a message's intent, triage says a person should read it (rules see
    /// <c>message.low_confidence</c>).</summary>
    public double TriageConfidence { get; set; } = 0.6;
}
