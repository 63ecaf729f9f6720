namespace HyperCrm.Analytics.Application;

/// <summary>How far a piece of work got: <see cref="Share"/> of it (0–1), and <see cref="Count"/> of things done when the whole
/// is not known (orders read by a rebuild).</summary>
public sealed record AnalyticsWorkProgress(double Share, long? Count);
