namespace HyperCrm.Analytics.Mining;

/// <summary>One distinct path the orders took: its activities, how many orders took it, their share, their typical duration
/// (first to last step).</summary>
public sealed record ProcessVariant(string Path, IReadOnlyList<string> Activities, long Cases, double Share, double MedianSeconds);
