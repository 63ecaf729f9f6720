namespace HyperCrm.Analytics.Mining;

/// <summary>
/// Which of the filtered orders a drill-down lists: all, those no person touched (<c>touchless</c>) or some did
/// (<c>touched</c>), those through an edge (<see cref="From"/> → <see cref="To"/>; empty for start or end), those with an
/// activity (<c>activity</c>, or <c>manual</c>: done by a person), or those that took one of <see cref="Variants"/>.
/// </summary>
public sealed record CaseQuery(string Kind, string? From = null, string? To = null, string? Activity = null,
    IReadOnlyList<string>? Variants = null)
{
    public const int MaxRows = 5000;

    public static readonly IReadOnlyList<string> Kinds = ["all", "touchless", "touched", "edge", "activity", "manual", "variants"];

    public (string Where, IReadOnlyList<(string Name, object Value)> Values) ToSql() => Kind switch
    {
        "touchless" => ("c.human_steps = 0", []),
        "touched" => ("c.human_steps > 0", []),
        "edge" when (To ?? string.Empty).Length == 0 => ("c.last_activity = @from_activity", [("from_activity", From ?? string.Empty)]),
        "edge" => ("""
            EXISTS (SELECT 1 FROM analytics.events AS e WHERE e.case_id = c.case_id AND COALESCE(e.prev_activity, '') = @from_activity
                AND e.activity = @to_activity)
            """, [("from_activity", From ?? string.Empty), ("to_activity", To ?? string.Empty)]),
        "activity" => ("EXISTS (SELECT 1 FROM analytics.events AS e WHERE e.case_id = c.case_id AND e.activity = @activity)",
            [("activity", Activity ?? string.Empty)]),
        "manual" => ("""
            EXISTS (SELECT 1 FROM analytics.events AS e WHERE e.case_id = c.case_id AND e.activity = @activity
                AND e.resource_kind = 'human')
            """, [("activity", Activity ?? string.Empty)]),
        "variants" => ("c.variant = ANY(@variants)", [("variants", (Variants ?? []).ToArray())]),
        _ => ("true", []),
    };
}
