using HyperCrm.Framework.Application;
using HyperCrm.Framework.Ui;
using HyperCrm.Identity.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Identity.Web.Pages.Identity.Audit;

[Authorize(IdentityPermissions.AuditLog)]
public sealed class IndexModel(ISecurityAuditAppService auditLog) : PageModel
{
    public PagedResultDto<SecurityAuditEntryDto> Result { get; private set; } = new(0, []);
    public PagerModel Pager { get; private set; } = new(1, 50, 0);
    public string? Filter { get; private set; }

    public async Task OnGetAsync(string? filter, int page = 1)
    {
        Filter = filter;
        var input = new GetSecurityAuditInput { Filter = filter, Page = Math.Max(1, page), PageSize = 50 };
        Result = await auditLog.GetListAsync(input, HttpContext.RequestAborted);
        Pager = new PagerModel(input.Page, input.Take, Result.TotalCount, filter);
    }
}
