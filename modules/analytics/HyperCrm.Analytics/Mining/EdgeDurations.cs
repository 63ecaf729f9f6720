namespace HyperCrm.Analytics.Mining;

/// <summary>
/// The hand-off times of the process map as counts per rounded duration (<see cref="Domain.EdgeStat"/>): the rounding, and the
/// median and 95th percentile read back from the counts exactly as <c>percentile_cont</c> reads them from the values.
/// </summary>
public static class EdgeDurations
{
    /// <summary>Seconds rounded to a tenth below 10 s, to the second below 100 s, to two significant digits above (within
    /// 5 %); the same rounding as <see cref="BucketSql"/>.</summary>
    public static double Bucket(double seconds)
    {
        if (seconds <= 0 || double.IsNaN(seconds)) return 0;
        if (seconds < 10) return Math.Round(seconds, 1, MidpointRounding.AwayFromZero);
        if (seconds < 100) return Math.Round(seconds, 0, MidpointRounding.AwayFromZero);
        var digits = 1 - (int)Math.Floor(Math.Log10(seconds));
        if (digits >= 0) return Math.Round(seconds, digits);
        var scale = Math.Pow(10, -digits);
        return Math.Round(seconds / scale, MidpointRounding.AwayFromZero) * scale;
    }

    /// <summary><see cref="Bucket"/> in SQL, over a number of seconds <c>s</c> (PostgreSQL's <c>round</c> rounds halves away
    /// from zero too).</summary>
    public static string BucketSql(string s) => $"""
        (CASE WHEN {s} IS NULL OR {s} <= 0 THEN 0 WHEN {s} < 10 THEN round({s}::numeric, 1) WHEN {s} < 100 THEN round({s}::numeric, 0)
              ELSE round({s}::numeric, (1 - floor(log({s}::numeric)))::int) END)::float8
        """;

    /// <summary>The first day of the month (UTC) of a moment.</summary>
    public static DateOnly MonthOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
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
