namespace HyperCrm.Analytics.Mining;

/// <summary>
/// The hand-off times of the process map as counts per rounded duration (<see cref="Domain.EdgeStat"/>): the rounding, and the
/// median and 95th percentile read back from the counts exactly as <c>percentile_cont</c> reads them from the values.
/// </summary>
public static class EdgeDurations
{
    /// <summary>Seconds rounded to three significant digits (hundredths below one second).</summary>
    public static double Bucket(double seconds)
    {
        if (seconds <= 0 || double.IsNaN(seconds)) return 0;
        if (seconds < 1) return Math.Round(seconds, 2);
        var digits = 2 - (int)Math.Floor(Math.Log10(seconds));
        if (digits >= 0) return Math.Round(seconds, digits);
        var scale = Math.Pow(10, -digits);
        return Math.Round(seconds / scale) * scale;
    }

    /// <summary>The continuous percentile (0–1) of values given as (value, count) in ascending order of value.</summary>
    public static double Percentile(IReadOnlyList<(double Value, long Count)> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var total = sorted.Sum(v => Math.Max(0, v.Count));
        if (total == 0) return 0;
        var position = fraction * (total - 1);
        var below = (long)Math.Floor(position);
        var (low, high) = (ValueAt(sorted, below), ValueAt(sorted, Math.Min(below + 1, total - 1)));
        return low + (high - low) * (position - below);
    }

    private static double ValueAt(IReadOnlyList<(double Value, long Count)> sorted, long index)
    {
        foreach (var (value, count) in sorted)
        {
            if (count <= 0) continue;
            if (index < count) return value;
            index -= count;
        }
        return sorted[^1].Value;
    }
}
