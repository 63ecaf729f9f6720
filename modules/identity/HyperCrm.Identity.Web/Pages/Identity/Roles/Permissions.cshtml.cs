using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Roles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Identity.Web.Pages.Identity.Roles;

[Authorize(IdentityPermissions.Roles.ManagePermissions)]
public sealed class PermissionsModel(IRoleAppService roles, IStringLocalizer<IdentityResource> l) : PageModel
{
    public string Role { get; private set; } = string.Empty;

    public IReadOnlyList<PermissionGroupDto> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string role) => await LoadAsync(role);

    public async Task<IActionResult> OnPostAsync(string role, List<string> granted)
    {
        try
        {
            await roles.SetPermissionsAsync(role, granted, HttpContext.RequestAborted);
            TempData["Success"] = l["SavedSuccessfully"].Value;
            return RedirectToPage("./Index");
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            return await LoadAsync(role);
        }
    }

    private async Task<IActionResult> LoadAsync(string role)
    {
        try
        {
            Groups = await roles.GetPermissionsAsync(role, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        Role = role;
        return Page();
    }
}
