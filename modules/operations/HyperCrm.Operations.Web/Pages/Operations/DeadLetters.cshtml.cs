using HyperCrm.Framework.Operations;
using HyperCrm.Operations.Application;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Operations.Web.Pages.Operations;

/// <summary>
/// Operations → Dead letters: every source's (events, runs, bot jobs, webhook deliveries) in one list, newest first, with a
/// source filter and a search; retry or skip one, or the ones ticked.
/// </summary>
public sealed class DeadLettersModel(IEnumerable<IDeadLetterSource> sources, ConsoleActions actions) : OperationsPageModel
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? Source { get; set; }

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public IReadOnlyList<string> Sources => sources.Select(s => s.Source).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<DeadLetterItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadPermissionsAsync();
        if (Source is { } wanted && !Sources.Contains(wanted)) Source = null;
        var search = Search is { Length: > 0 } s ? s.Trim()[..Math.Min(s.Trim().Length, 100)] : null;
        var items = new List<DeadLetterItem>();
        foreach (var source in sources.Where(s => Source is null || s.Source == Source))
            items.AddRange(await source.ListAsync(search, PageSize, HttpContext.RequestAborted));
        Items = items.OrderByDescending(i => i.FailedAt).Take(PageSize).ToList();
    }

    public Task<IActionResult> OnPostRetryAsync(string itemSource, string itemId) => ActAsync(itemSource, [itemId], skip: false);

    public Task<IActionResult> OnPostSkipAsync(string itemSource, string itemId) => ActAsync(itemSource, [itemId], skip: true);

    /// <summary>The ticked ones, "source|id" each; grouped by source.</summary>
    public Task<IActionResult> OnPostBulkAsync(string[]? selected, bool skip) => ManageAsync(async () =>
    {
        var picked = (selected ?? []).Select(s => s.Split('|', 2)).Where(p => p.Length == 2).ToList();
        if (picked.Count == 0) return Text["DeadLetters:NothingSelected"].Value;
        var changed = 0;
        foreach (var group in picked.GroupBy(p => p[0], StringComparer.Ordinal))
            changed += await actions.ResolveAsync(group.Key, group.Select(p => p[1]).ToList(), skip, HttpContext.RequestAborted);
        return Text[skip ? "DeadLetters:Skipped" : "DeadLetters:Retried", changed, picked.Count].Value;
    }, new { Source, Search });

    private Task<IActionResult> ActAsync(string source, string[] ids, bool skip) => ManageAsync(async () =>
    {
        var changed = await actions.ResolveAsync(source, ids, skip, HttpContext.RequestAborted);
        return Text[changed == 0 ? "DeadLetters:AlreadyHandled" : skip ? "DeadLetters:SkippedOne" : "DeadLetters:RetriedOne"].Value;
    }, new { Source, Search });
}
