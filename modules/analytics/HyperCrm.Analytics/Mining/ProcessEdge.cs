namespace HyperCrm.Analytics.Mining;

/// <summary>A directly-follows edge: how many times <see cref="To"/> came right after <see cref="From"/> in a case (empty
/// <see cref="From"/>: the case began with it; empty <see cref="To"/>: the case ended, so far, with <see cref="From"/>), and the
/// median and 95th percentile of the time between them.</summary>
public sealed record ProcessEdge(string From, string To, long Count, double MedianSeconds, double P95Seconds)
{
    public bool IsStart => From.Length == 0;
    public bool IsEnd => To.Length == 0;
}
