using HyperCrm.Analytics.Application;
using HyperCrm.Analytics.Export;
using HyperCrm.Analytics.Mining;
using HyperCrm.Framework.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Analytics.Web.Pages.Analytics;

/// <summary>
/// Analytics → Process map: the directly-follows graph of the orders' real paths (a slider keeps the busiest share of
/// them), the variants, the bottlenecks and where people spend their time, conformance to the playbook's path, and the
/// manual steps worth automating first; every node, edge and row a link to its orders; the log exported as XES or OCEL.
/// </summary>
[Authorize(AnalyticsPermissions.Dashboard)]
public sealed class MapModel(ProcessMiner miner, AnalyticsWork runner, ISettingManager settings, IStringLocalizer<AnalyticsResource> l)
    : AnalyticsPageModel(l)
{
    /// <summary>The share of edges shown, in percent (10–100).</summary>
    [BindProperty(SupportsGet = true)] public int Paths { get; set; } = 100;

    public ProcessMap? Map { get; private set; }
    public string Svg { get; private set; } = string.Empty;
    public IReadOnlyList<ProcessVariant> Variants { get; private set; } = [];
    public ConformanceReport? Conformance { get; private set; }
    public IReadOnlyList<AutomationOpportunity> Opportunities { get; private set; } = [];
    public IReadOnlyList<ProcessEdge> Bottlenecks { get; private set; } = [];
    public AnalyticsCosts Costs { get; private set; } = AnalyticsCosts.Default;

    public async Task OnGetAsync()
    {
        Paths = Math.Clamp(Paths, 10, 100);
        if (!PeriodIsValid()) return;
        var ct = HttpContext.RequestAborted;
        Costs = await AnalyticsCosts.ReadAsync(settings, ct);
        var (filter, costs) = (Filter, Costs);
        var ready = await FinishedSoonAsync(runner, $"map|{filter}|{costs}|{await miner.VersionAsync(ct)}", async (sp, progress, token) =>
        {
            var background = sp.GetRequiredService<ProcessMiner>();
            await background.MapAsync(filter, token);
            progress.Report(new AnalyticsWorkProgress(0.5, null));
            await background.VariantsAsync(filter, token);
            progress.Report(new AnalyticsWorkProgress(0.8, null));
            await background.OpportunitiesAsync(filter, costs, token);
        });
        if (!ready) return;
        var full = await miner.MapAsync(Filter, ct);
        Map = full.Keep(Paths / 100.0);
        Svg = ProcessMapSvg.Render(Map, new ProcessMapSvg.Links(
            a => $"/Analytics/Cases?{FilterQuery}&kind=activity&activity={Uri.EscapeDataString(a)}",
            e => $"/Analytics/Cases?{FilterQuery}&kind=edge&from_activity={Uri.EscapeDataString(e.From)}"
                + $"&to_activity={Uri.EscapeDataString(e.To)}",
            ActivityLabel, s => Duration(s), Texts["Map:Start"], Texts["Map:End"]));
        Bottlenecks = full.Edges.Where(e => !e.IsStart && !e.IsEnd).OrderByDescending(e => e.MedianSeconds).ThenByDescending(e => e.Count)
            .Take(5).ToList();
        Variants = await miner.VariantsAsync(Filter, ct);
        Conformance = await miner.ConformanceAsync(Filter, ct);
        Opportunities = await miner.OpportunitiesAsync(Filter, Costs, ct);
    }

    /// <summary>The log of the period (every object type) as XES or OCEL 2.0, streamed.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromServices] EventLogExporter exporter, string? format)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        var xes = format != "ocel";
        var f = Filter;
        Response.ContentType = xes ? "application/xml; charset=utf-8" : "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"hypercrm-event-log.{(xes ? "xes" : "jsonocel")}\"";
        var export = new EventLogExport(f.From, f.To, null);
        if (xes) await exporter.WriteXesAsync(Response.Body, export, HttpContext.RequestAborted);
        else await exporter.WriteOcelAsync(Response.Body, export, HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
