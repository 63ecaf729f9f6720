using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Roles;
using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Identity.Web.Pages.Identity.Users;

[Authorize(IdentityPermissions.Users.Manage)]
public sealed class EditModel(IUserAppService users, IRoleAppService roles, IStringLocalizer<IdentityResource> l) : PageModel
{
    public UserDto UserInfo { get; private set; } = null!;

    public IReadOnlyList<string> AllRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id);

    public Task<IActionResult> OnPostRolesAsync(Guid id, List<string> roles) =>
        RunAsync(id, () => users.SetRolesAsync(id, roles, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostActiveAsync(Guid id, bool isActive) =>
        RunAsync(id, () => users.SetActiveAsync(id, isActive, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostUnlockAsync(Guid id) =>
        RunAsync(id, () => users.UnlockAsync(id, HttpContext.RequestAborted));

    private async Task<IActionResult> RunAsync(Guid id, Func<Task> action)
    {
        try
        {
            await action();
            TempData["Success"] = l["SavedSuccessfully"].Value;
            return RedirectToPage(new { id });
        }
        catch (BusinessException ex) when (ex is not EntityNotFoundException)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            return await LoadAsync(id);
        }
    }

    private async Task<IActionResult> LoadAsync(Guid id)
    {
        try
        {
            UserInfo = await users.GetAsync(id, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        AllRoles = (await roles.GetListAsync(HttpContext.RequestAborted)).Select(r => r.Name).ToList();
        return Page();
    }
}
