namespace HyperCrm.Analytics.Domain;

/// <summary>
/// How many hand-offs <see cref="FromActivity"/> → <see cref="ToActivity"/> took <see cref="Seconds"/> (rounded as
/// <c>EdgeDurations.Bucket</c> rounds: to a tenth below 10 s, to the second below 100 s, to two significant digits above)
/// in cases that began in the month <see cref="CaseMonth"/>, of orders sent by a partner or not. Kept by the writer beside
/// each entry, so a big log's process map adds up a few hundred thousand counts instead of sorting millions of entries; the
/// median and the 95th percentile are read from them.
/// </summary>
public sealed class EdgeStat
{
    public DateOnly CaseMonth { get; private set; }
    public bool Partnered { get; private set; }
    public string FromActivity { get; private set; } = string.Empty;
    public string ToActivity { get; private set; } = string.Empty;
    public double Seconds { get; private set; }
    public long Count { get; private set; }

    private EdgeStat() { }
}
