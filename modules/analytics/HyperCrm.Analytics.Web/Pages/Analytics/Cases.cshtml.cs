using System.Globalization;
using System.Text;
using HyperCrm.Analytics.Mining;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Analytics.Web.Pages.Analytics;

/// <summary>The orders behind a number of the dashboard or the map (an edge, an activity, a variant, a deviation, a manual
/// step, touchless or touched), each linked to its page; CSV export of the same list.</summary>
[Authorize(AnalyticsPermissions.Dashboard)]
public sealed class CasesModel(ProcessMiner miner, IStringLocalizer<AnalyticsResource> l) : AnalyticsPageModel(l)
{
    public const int PageRows = 500;

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "from_activity")] public string? FromActivity { get; set; }
    [BindProperty(SupportsGet = true, Name = "to_activity")] public string? ToActivity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Activity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Variant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Deviation { get; set; }

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];

    public string Title { get; private set; } = string.Empty;

    public async Task OnGetAsync()
    {
        if (!PeriodIsValid()) return;
        Rows = await miner.CasesAsync(Filter, await QueryAsync(), PageRows, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!PeriodIsValid()) return BadRequest(PeriodProblem ?? string.Empty);
        var rows = await miner.CasesAsync(Filter, await QueryAsync(), CaseQuery.MaxRows, HttpContext.RequestAborted);
        var csv = new StringBuilder("order,order_id,placed_at,last_step_at,last_step,human_steps,automated_steps,path\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Csv(r.Label)},{r.CaseId},{r.StartedAt.UtcDateTime:O},{r.LastAt.UtcDateTime:O},")
                .Append(CultureInfo.InvariantCulture, $"{Csv(r.LastActivity)},{r.HumanSteps},{r.AutomatedSteps},{Csv(r.Variant)}\n");
        }
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", "hypercrm-orders.csv");
    }

    /// <summary>The drill-down asked for; a deviation is the variants that show it.</summary>
    private async Task<CaseQuery> QueryAsync()
    {
        var kind = CaseQuery.Kinds.Contains(Kind ?? string.Empty) ? Kind! : (Deviation is null ? "all" : "variants");
        Title = kind switch
        {
            "edge" => Texts["Cases:Edge", ActivityLabel(FromActivity ?? string.Empty) is { Length: > 0 } a ? a : Texts["Map:Start"],
                ActivityLabel(ToActivity ?? string.Empty) is { Length: > 0 } b ? b : Texts["Map:End"]],
            "activity" => Texts["Cases:Activity", ActivityLabel(Activity ?? string.Empty)],
            "manual" => Texts["Cases:Manual", ActivityLabel(Activity ?? string.Empty)],
            "variants" when Deviation is not null => Texts["Cases:Deviation", Texts["Deviation:" + Deviation.Split(':')[0]],
                ActivityLabel(Deviation.Split(':', 2) is [_, var act] ? act : string.Empty)],
            "variants" => Texts["Cases:Variant"],
            "touchless" => Texts["Cases:Touchless"],
            "touched" => Texts["Cases:Touched"],
            _ => Texts["Cases:All"],
        };
        if (kind != "variants") return new CaseQuery(kind, FromActivity, ToActivity, Activity);
        if (Deviation is null) return new CaseQuery(kind, Variants: Variant is null ? [] : [Variant]);
        var parts = Deviation.Split(':', 2);
        var variants = (await miner.VariantsAsync(Filter, HttpContext.RequestAborted))
            .Where(v => ExpectedPath.Check(v.Activities).Any(d => d.Kind == parts[0] && d.Activity == (parts.Length > 1 ? parts[1]
                : string.Empty)))
            .Select(v => v.Path).ToList();
        return new CaseQuery(kind, Variants: variants);
    }

    private static string Csv(string? value)
    {
        var text = value ?? string.Empty;
        // A cell starting like a formula is quoted as text, so a spreadsheet never runs it.
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal)) text = "'" + text;
        return text.Contains(',',
            StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal)
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
