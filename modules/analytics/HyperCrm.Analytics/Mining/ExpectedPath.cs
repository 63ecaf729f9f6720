using HyperCrm.Analytics.Domain;

namespace HyperCrm.Analytics.Mining;

/// <summary>
/// The path the default playbook takes an order along (placed, reserved, picked, shipped, delivered, completed), and the
/// conformance check of a variant against it. Only status steps count (an ERP document or a score is not a deviation); the
/// wait for stock and its arrival are a detour the playbook itself takes. An order still under way is judged on the part
/// of the path it reached.
/// </summary>
public static class ExpectedPath
{
    public static readonly IReadOnlyList<string> Steps =
        ["order.created", "status.reserved", "status.picking", "status.shipped", "status.delivered", "status.completed"];

    private static readonly HashSet<string> Allowed = ["status.awaiting_stock"];

    public static IReadOnlyList<Deviation> Check(IReadOnlyList<string> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var statuses = activities.Where(a => a == Steps[0] || a.StartsWith("status.", StringComparison.Ordinal))
            .Where(a => !Allowed.Contains(a)).ToList();
        var deviations = new List<Deviation>();
        foreach (var extra in statuses.Where(a => !Steps.Contains(a)).Distinct()) deviations.Add(new Deviation("extra", extra, 1));
        var onPath = statuses.Where(Steps.Contains).ToList();
        foreach (var repeated in onPath.GroupBy(a => a).Where(g => g.Count() > 1)) deviations.Add(new Deviation("repeated", repeated.Key,
            1));
        var firsts = onPath.Distinct().ToList();
        var reached = firsts.Count == 0 ? -1 : firsts.Max(a => IndexOf(a));
        foreach (var skipped in Steps.Take(reached + 1).Where(s => !firsts.Contains(s))) deviations.Add(new Deviation("skipped", skipped,
            1));
        for (var i = 1; i < firsts.Count; i++)
        {
            if (IndexOf(firsts[i]) < firsts.Take(i).Max(a => IndexOf(a))) deviations.Add(new Deviation("out_of_order", firsts[i], 1));
        }
        return deviations;
    }

    private static int IndexOf(string activity)
    {
        for (var i = 0; i < Steps.Count; i++)
            if (Steps[i] == activity) return i;
        return -1;
    }

    /// <summary>A variant's activities from its stored path.</summary>
    public static IReadOnlyList<string> Split(string variant) =>
        (variant ?? string.Empty).Split(CaseSummary.VariantSeparator, StringSplitOptions.RemoveEmptyEntries);
}
