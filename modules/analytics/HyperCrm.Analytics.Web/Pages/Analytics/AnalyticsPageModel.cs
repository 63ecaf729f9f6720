using System.Globalization;
using HyperCrm.Analytics.Application;
using HyperCrm.Analytics.Mining;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Analytics.Web.Pages.Analytics;

/// <summary>The period and segment every analytics page is narrowed by (from the query string, the last 30 days by default),
/// and how activities and durations read.</summary>
public abstract class AnalyticsPageModel(IStringLocalizer<AnalyticsResource> l) : PageModel
{
    public const int DefaultDays = 30;

    protected IStringLocalizer<AnalyticsResource> Texts { get; } = l;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Segment { get; set; }

    /// <summary>The background work the page waits for, shown as a progress bar while it runs.</summary>
    public AnalyticsWorkItem? Working { get; protected set; }

    /// <summary>
    /// Runs <paramref name="work"/> in the background (once per key) and waits a moment for it: true when it finished, so the
    /// page reads its results from the cache; false when it is still running (the page shows <see cref="Working"/>).
    /// </summary>
    protected async Task<bool> FinishedSoonAsync(AnalyticsWork runner, string key,
        Func<IServiceProvider, IProgress<AnalyticsWorkProgress>, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var item = runner.Start(key, work);
        await Task.WhenAny(item.Task, Task.Delay(AnalyticsWork.Patience, HttpContext.RequestAborted));
        if (item.Done && !item.Failed) return true;
        Working = item;
        return false;
    }

    /// <summary>The progress bar of a piece of work, polled by htmx; when it is done the page reloads with its results.</summary>
    public IActionResult OnGetProgress([FromServices] AnalyticsWork runner, string? work)
    {
        ArgumentNullException.ThrowIfNull(runner);
        if (work is null || runner.Find(work) is not { } item || (item.Done && !item.Failed))
        {
            Response.Headers["HX-Refresh"] = "true";
            return new EmptyResult();
        }
        return Partial("_Progress", item);
    }

    /// <summary>A problem with the period, shown instead of numbers.</summary>
    public string? PeriodProblem { get; private set; }

    /// <summary>The filter: [From, To] as whole UTC days, To included.</summary>
    public AnalyticsFilter Filter
    {
        get
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            // Dates from the query string are kept between 2000 and 2200, so no day arithmetic leaves the calendar.
            var to = Clamp(To ?? today);
            var from = Clamp(From ?? to.AddDays(-(DefaultDays - 1)));
            return new AnalyticsFilter(Day(from), Day(to.AddDays(1)), AnalyticsSegments.Normalize(Segment));
        }
    }

    /// <summary>Checks the period (from not after to, at most ten years); false with <see cref="PeriodProblem"/> set.</summary>
    protected bool PeriodIsValid()
    {
        if (From is { } f && To is { } t && f > t) PeriodProblem = Texts["Filter:FromAfterTo"];
        else if (Filter.Length > TimeSpan.FromDays(3660)) PeriodProblem = Texts["Filter:TooLong"];
        return PeriodProblem is null;
    }

    /// <summary>The query string of the current filter, to carry it into links.</summary>
    public string FilterQuery
    {
        get
        {
            var f = Filter;
            var (from, to) = (DateOnly.FromDateTime(f.From.UtcDateTime), DateOnly.FromDateTime(f.To.UtcDateTime.AddDays(-1)));
            return $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"
                + $"&segment={Uri.EscapeDataString(f.Segment)}";
        }
    }

    public string ActivityLabel(string activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Length == 0) return string.Empty;
        var text = Texts["Activity:" + activity];
        if (!text.ResourceNotFound) return text;
        if (activity.StartsWith("bot.", StringComparison.Ordinal)) return Texts["Activity:Bot", activity[4..]];
        return activity;
    }

    public string Duration(double? seconds) => seconds switch
    {
        null => "—",
        < 60 => Texts["Duration:Seconds", Math.Round(seconds.Value).ToString(CultureInfo.CurrentCulture)],
        < 3600 => Texts["Duration:Minutes", (seconds.Value / 60).ToString("0.#", CultureInfo.CurrentCulture)],
        < 172800 => Texts["Duration:Hours", (seconds.Value / 3600).ToString("0.#", CultureInfo.CurrentCulture)],
        _ => Texts["Duration:Days", (seconds.Value / 86400).ToString("0.#", CultureInfo.CurrentCulture)],
    };

    private static DateOnly Clamp(DateOnly day) =>
        day < new DateOnly(2000, 1, 1) ? new DateOnly(2000, 1, 1) : day > new DateOnly(2200, 12, 31) ? new DateOnly(2200, 12, 31) : day;

    private static DateTimeOffset Day(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
