using System.Globalization;
using System.Text;
using HyperCrm.Analytics.Application;
using HyperCrm.Analytics.Ingestion;
using HyperCrm.Analytics.Kpis;
using HyperCrm.Analytics.Mining;
using HyperCrm.Framework.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Analytics.Web.Pages.Analytics;

/// <summary>Analytics → KPIs: the numbers of hyperautomation for a period and segment, their trend against the previous
/// period, orders per day (touchless and touched), each number a link to the orders behind it; CSV export; a rebuild of the
/// log from the orders' history for admins.</summary>
[Authorize(AnalyticsPermissions.Dashboard)]
public sealed class IndexModel(KpiCalculator kpis, ProcessMiner miner, AnalyticsWork runner, ISettingManager settings,
    IAuthorizationService authorization,
    IStringLocalizer<AnalyticsResource> l) : AnalyticsPageModel(l)
{
    public KpiReport? Report { get; private set; }
    public AnalyticsCosts Costs { get; private set; } = AnalyticsCosts.Default;
    public bool CanManage { get; private set; }
    public int? Rebuilt { get; private set; }

    /// <summary>The key of the rebuild's work (one at a time on an instance).</summary>
    public const string RebuildWork = "rebuild";

    public async Task OnGetAsync(bool rebuilding = false)
    {
        CanManage = (await authorization.AuthorizeAsync(User, AnalyticsPermissions.Manage)).Succeeded;
        if (rebuilding && runner.Find(RebuildWork) is { } rebuild)
        {
            if (!rebuild.Done || rebuild.Failed)
            {
                Working = rebuild;
                return;
            }
            Rebuilt = (int?)rebuild.Progress.Count ?? 0;
        }
        if (!PeriodIsValid()) return;
        var ct = HttpContext.RequestAborted;
        Costs = await AnalyticsCosts.ReadAsync(settings, ct);
        var (filter, costs) = (Filter, Costs);
        if (!await FinishedSoonAsync(runner, $"kpis|{filter}|{costs}|{await miner.VersionAsync(ct)}", (sp, _, token) =>
                sp.GetRequiredService<KpiCalculator>().ReportAsync(filter, costs, token)))
            return;
        Report = await kpis.ReportAsync(Filter, Costs, ct);
    }

    /// <summary>The KPIs of the period and the previous one as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!PeriodIsValid()) return BadRequest(PeriodProblem ?? string.Empty);
        Costs = await AnalyticsCosts.ReadAsync(settings, HttpContext.RequestAborted);
        var report = await kpis.ReportAsync(Filter, Costs, HttpContext.RequestAborted);
        var csv = new StringBuilder("kpi,current,previous\n");
        foreach (var (name, current,
            previous) in KpiRows(report)) csv.Append(name).Append(',').Append(current).Append(',').Append(previous).Append('\n');
        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv",
            $"hypercrm-kpis-{FilterQuery.Replace('&', '_').Replace('=', '-')}.csv");
    }

    /// <summary>Fills the log from the orders' history (admins); entries already there are skipped.</summary>
    public async Task<IActionResult> OnPostRebuildAsync()
    {
        if (!(await authorization.AuthorizeAsync(User, AnalyticsPermissions.Manage)).Succeeded) return Forbid();
        if (runner.Find(RebuildWork) is { Done: true } old) runner.Forget(old);
        runner.Start(RebuildWork, async (sp, progress, token) =>
        {
            var read = await sp.GetRequiredService<EventLogRebuilder>().RebuildOrdersAsync(
                new Progress<int>(n => progress.Report(new AnalyticsWorkProgress(0, n))), token);
            progress.Report(new AnalyticsWorkProgress(1, read));
        });
        return Redirect($"/Analytics?{FilterQuery}&rebuilding=true");
    }

    public static IEnumerable<(string Name, string Current, string Previous)> KpiRows(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static string N(double? v) => v is { } x ? x.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;
        static string D(decimal? v) => v is { } x ? x.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;
        var (c, p) = (report.Current, report.Previous);
        yield return ("orders", c.Orders.ToString(CultureInfo.InvariantCulture), p.Orders.ToString(CultureInfo.InvariantCulture));
        yield return ("touchless_orders", c.TouchlessOrders.ToString(CultureInfo.InvariantCulture),
            p.TouchlessOrders.ToString(CultureInfo.InvariantCulture));
        yield return ("automation_rate_orders", N(c.AutomationRate), N(p.AutomationRate));
        yield return ("automation_rate_steps", N(c.StepAutomationRate), N(p.StepAutomationRate));
        yield return ("to_shipped_p50_s", N(c.ToShippedP50), N(p.ToShippedP50));
        yield return ("to_shipped_p95_s", N(c.ToShippedP95), N(p.ToShippedP95));
        yield return ("to_delivered_p50_s", N(c.ToDeliveredP50), N(p.ToDeliveredP50));
        yield return ("to_delivered_p95_s", N(c.ToDeliveredP95), N(p.ToDeliveredP95));
        yield return ("run_error_rate", N(c.ErrorRate), N(p.ErrorRate));
        yield return ("run_recovered_share", N(c.RecoveredShare), N(p.RecoveredShare));
        yield return ("cost_total", D(c.Cost), D(p.Cost));
        yield return ("cost_per_order", D(c.CostPerOrder), D(p.CostPerOrder));
        yield return ("human_minutes", N(c.HumanMinutes), N(p.HumanMinutes));
        yield return ("minutes_saved", N(c.MinutesSaved), N(p.MinutesSaved));
        yield return ("fte_saved", N(c.FteSaved), N(p.FteSaved));
        yield return ("rule_time_to_market_s", N(c.RuleTimeToMarket), N(p.RuleTimeToMarket));
        yield return ("bot_time_to_market_s", N(c.BotTimeToMarket), N(p.BotTimeToMarket));
    }
}
