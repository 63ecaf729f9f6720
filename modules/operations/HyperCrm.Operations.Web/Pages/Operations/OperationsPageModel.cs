using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Operations.Web.Pages.Operations;

/// <summary>A console page: seen with <see cref="OperationsPermissions.Console"/>; every action needs <see
/// cref="OperationsPermissions.Manage"/> and reports its outcome in the reader's language.</summary>
[Authorize(OperationsPermissions.Console)]
public abstract class OperationsPageModel : PageModel
{
    public bool CanManage { get; private set; }

    protected IStringLocalizer<OperationsResource> Text =>
        HttpContext.RequestServices.GetRequiredService<IStringLocalizer<OperationsResource>>();

    protected async Task LoadPermissionsAsync() =>
        CanManage = await HttpContext.RequestServices.GetRequiredService<IPermissionChecker>().IsGrantedAsync(User,
            OperationsPermissions.Manage,
            HttpContext.RequestAborted);

    /// <summary>Runs an operator's action: refused without the manage permission, a business refusal shown as a message.</summary>
    protected async Task<IActionResult> ManageAsync(Func<Task<string>> act, object? routeValues = null)
    {
        await LoadPermissionsAsync();
        if (!CanManage) return Forbid();
        try
        {
            TempData["Success"] = await act();
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage(routeValues);
    }
}
