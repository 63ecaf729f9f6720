namespace HyperCrm.Analytics.Mining;

/// <summary>
/// Which orders a number is about: those placed in [<see cref="From"/>, <see cref="To"/>), of a segment (all, those entered
/// by staff, those sent by partners), and, for a partner's key, only that partner's.
/// </summary>
public sealed record AnalyticsFilter(DateTimeOffset From, DateTimeOffset To, string Segment = AnalyticsSegments.All, Guid? PartnerId = null)
{
    /// <summary>The period of the same length just before this one, for trends.</summary>
    public AnalyticsFilter Previous() => this with { From = From - (To - From), To = From };

    public TimeSpan Length => To - From;
}
