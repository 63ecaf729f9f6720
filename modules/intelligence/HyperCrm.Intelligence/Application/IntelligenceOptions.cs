namespace HyperCrm.Intelligence.Application;

/// <summary>The AI module's settings (section <c>Intelligence</c>).</summary>
public sealed class IntelligenceOptions
{
    public const string Section = "Intelligence";

    /// <summary>When the fraud-risk model retrains on people's new decisions (Quartz cron, the installation's clock; empty: never
    /// by itself). Nightly at 03:00 by default.</summary>
    public string? RetrainCron { get; set; } = "0 0 3 * * ?";
}
