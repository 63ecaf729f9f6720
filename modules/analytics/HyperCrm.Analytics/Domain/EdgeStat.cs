namespace HyperCrm.Analytics.Domain;

/// <summary>
/// How many hand-offs <see cref="FromActivity"/> → <see cref="ToActivity"/> took <see cref="Seconds"/> (rounded to three
/// significant digits: exact below 1,000 s, within 0.5 % above) in cases that began on <see cref="CaseDay"/>, of orders sent
/// by a partner or not. Kept by the writer beside each entry, so a year's process map adds up a few thousand rows instead of
/// sorting millions; the median and the 95th percentile are read from these counts.
/// </summary>
public sealed class EdgeStat
{
    public DateOnly CaseDay { get; private set; }
    public bool Partnered { get; private set; }
    public string FromActivity { get; private set; } = string.Empty;
    public string ToActivity { get; private set; } = string.Empty;
    public double Seconds { get; private set; }
    public long Count { get; private set; }

    private EdgeStat() { }
}
