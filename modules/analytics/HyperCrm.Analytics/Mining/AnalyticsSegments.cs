namespace HyperCrm.Analytics.Mining;

/// <summary>The segments the numbers can be narrowed to.</summary>
public static class AnalyticsSegments
{
    public const string All = "all";

    /// <summary>Orders staff entered (no partner).</summary>
    public const string Staff = "staff";

    /// <summary>Orders a partner sent (the shop's webhooks, API clients).</summary>
    public const string Partners = "partners";

    public static readonly IReadOnlyList<string> Known = [All, Staff, Partners];

    public static string Normalize(string? segment) => Known.Contains(segment ?? string.Empty) ? segment! : All;
}
