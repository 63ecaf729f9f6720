using HyperCrm.Framework.Application;
using HyperCrm.Framework.Ui;
using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Identity.Web.Pages.Identity.Users;

[Authorize(IdentityPermissions.Users.Default)]
public sealed class IndexModel(IUserAppService users, IAuthorizationService authorization) : PageModel
{
    public PagedResultDto<UserDto> Result { get; private set; } = new(0, []);
    public PagerModel Pager { get; private set; } = new(1, 25, 0);
    public string? Filter { get; private set; }
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(string? filter, int page = 1)
    {
        Filter = filter;
        var input = new GetUserListInput { Filter = filter, Page = Math.Max(1, page) };
        Result = await users.GetListAsync(input, HttpContext.RequestAborted);
        Pager = new PagerModel(input.Page, input.Take, Result.TotalCount, filter);
        CanManage = (await authorization.AuthorizeAsync(User, IdentityPermissions.Users.Manage)).Succeeded;
    }
}
