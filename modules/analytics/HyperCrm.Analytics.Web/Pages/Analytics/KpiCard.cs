namespace HyperCrm.Analytics.Web.Pages.Analytics;

/// <summary>One KPI on the dashboard: its value, the previous period's, the trend (and whether it is for the better), and
/// the link to the orders behind it.</summary>
public sealed record KpiCard(string Key, string Title, string Value, string Previous, string? Trend, bool? Better, string Link,
    string? Note = null)
{
    /// <summary>The trend arrow and change of a number against the previous period's; <paramref name="higherIsBetter"/> says
    /// which way is good.</summary>
    public static (string? Trend, bool? Better) Of(double? current, double? previous, bool higherIsBetter)
    {
        if (current is not { } c || previous is not { } p) return (null, null);
        if (Math.Abs(c - p) < 1e-9) return ("→", null);
        var up = c > p;
        var change = p == 0 ? null : $" {Math.Abs((c - p) / p):P0}";
        return ((up ? "▲" : "▼") + change, up == higherIsBetter);
    }
}
