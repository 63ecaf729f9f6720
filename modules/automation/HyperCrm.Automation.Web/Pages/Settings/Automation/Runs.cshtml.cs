using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Application;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

/// <summary>Runs filtered by rule, state, order and time; dead letters retried or skipped one by one or in bulk.</summary>
[Authorize(AutomationPermissions.Runs)]
public sealed class RunsModel(IRunAppService runs, IRuleAppService rules, IAuthorizationService authorization,
    IStringLocalizer<AutomationResource> l) : PageModel
{
    public PagedResultDto<RunListItemDto> Result { get; private set; } = new(0, []);
    public PagerModel Pager { get; private set; } = new(1, 25, 0);
    public IReadOnlyList<RuleListItemDto> Rules { get; private set; } = [];
    public bool CanOperate { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? RuleId { get; set; }
    [BindProperty(SupportsGet = true)] public RunState? State { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SubjectId { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }

    public async Task OnGetAsync(int page = 1)
    {
        var input = new GetRunListInput
        {
            RuleId = RuleId, State = State, SubjectId = SubjectId, Page = Math.Max(1, page),
            From = From is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null,
            To = To is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null,
        };
        Result = await runs.GetListAsync(input, HttpContext.RequestAborted);
        Rules = await rules.GetListAsync(HttpContext.RequestAborted);
        CanOperate = (await authorization.AuthorizeAsync(User, AutomationPermissions.OperateRuns)).Succeeded;
        // Every filter goes with the page links, the time window too (paging used to drop it).
        var extra = (RuleId is null ? string.Empty : $"&ruleId={RuleId}") + (State is null ? string.Empty
            : $"&state={State}") + (SubjectId is null ? string.Empty : $"&subjectId={SubjectId}")
            + (FromText is null ? string.Empty : $"&from={Uri.EscapeDataString(FromText)}") + (ToText is null ? string.Empty
                : $"&to={Uri.EscapeDataString(ToText)}");
        Pager = new PagerModel(input.Page, input.Take, Result.TotalCount, null, Result.TotalIsLowerBound, extra);
    }

    /// <summary>Retries (from the failed step) or skips the selected dead-lettered runs.</summary>
    public async Task<IActionResult> OnPostBulkAsync(List<Guid> ids, string operation)
    {
        if (!(await authorization.AuthorizeAsync(User, AutomationPermissions.OperateRuns)).Succeeded) return Forbid();
        try
        {
            var changed = await runs.BulkAsync(ids, skip: operation == "skip", useActiveVersion: operation == "retry-active",
                HttpContext.RequestAborted);
            TempData["Success"] = l["Runs:BulkDone", changed].Value;
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage(new { ruleId = RuleId, state = State, subjectId = SubjectId, from = FromText, to = ToText });
    }

    /// <summary>The time window as the datetime-local inputs write it, for the form, the page links and the redirect.</summary>
    public string? FromText => From is { } at ? Stamp(at) : null;

    public string? ToText => To is { } at ? Stamp(at) : null;

    /// <summary>A filter time as the datetime-local inputs write it.</summary>
    public static string Stamp(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
