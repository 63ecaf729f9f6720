namespace HyperCrm.Analytics.Mining;

/// <summary>How many of the filtered orders followed the expected path (so far), and each deviation.</summary>
public sealed record ConformanceReport(long Cases, long Conforming, IReadOnlyList<Deviation> Deviations)
{
    public double Share => Cases == 0 ? 0 : (double)Conforming / Cases;
}
