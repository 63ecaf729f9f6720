using HyperCrm.Identity.Roles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Identity.Web.Pages.Identity.Roles;

[Authorize(IdentityPermissions.Roles.Default)]
public sealed class IndexModel(IRoleAppService roles, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<RoleDto> Roles { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        Roles = await roles.GetListAsync(HttpContext.RequestAborted);
        CanManage = (await authorization.AuthorizeAsync(User, IdentityPermissions.Roles.ManagePermissions)).Succeeded;
    }
}
