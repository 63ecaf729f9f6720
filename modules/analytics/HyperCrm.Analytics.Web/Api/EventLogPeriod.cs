using System.Globalization;

namespace HyperCrm.Analytics.Web.Api;

/// <summary>The export's period from the query: ISO dates or times; by default the last 30 days; <c>to</c> after <c>from</c>.</summary>
public static class EventLogPeriod
{
    public static (DateTimeOffset From, DateTimeOffset To)? Parse(string? from, string? to, DateTimeOffset now,
        IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var end = Read(to, "to", now, errors);
        var start = Read(from, "from", (end ?? now).AddDays(-30), errors);
        if (start is null || end is null) return null;
        if (end <= start)
        {
            errors["to"] = ["Must be after from."];
            return null;
        }
        return (start.Value, end.Value);
    }

    private static DateTimeOffset? Read(string? text, string field, DateTimeOffset fallback, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var at) && at.Year is >= 2000 and <= 2200)
            return at;
        errors[field] = ["Use an ISO 8601 date or time, e.g. 2026-11-01 or 2026-11-01T00:00:00Z."];
        return null;
    }
}
