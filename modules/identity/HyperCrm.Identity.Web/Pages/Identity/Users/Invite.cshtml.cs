using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Roles;
using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HyperCrm.Framework.Web;

namespace HyperCrm.Identity.Web.Pages.Identity.Users;

[Authorize(IdentityPermissions.Users.Manage)]
public sealed class InviteModel(IUserAppService users, IRoleAppService roles) : PageModel
{
    [BindProperty]
    public InviteUserDto Input { get; set; } = new();

    public IReadOnlyList<string> AllRoles { get; private set; } = [];

    /// <summary>Shown once: the person opens it to choose a password.</summary>
    public string? InvitationLink { get; private set; }

    private const string InvitationTempDataKey = "Identity.InvitationLink";
    private const string InvitedEmailTempDataKey = "Identity.InvitedEmail";

    public async Task OnGetAsync()
    {
        InvitationLink = TempData[InvitationTempDataKey] as string;
        Input.Email = TempData[InvitedEmailTempDataKey] as string ?? string.Empty;
        await LoadRolesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadRolesAsync();
        if (!ModelState.IsValid) return Page();
        try
        {
            var invitation = await users.InviteAsync(Input, HttpContext.RequestAborted);
            // Post-redirect-get, so a reload cannot invite twice; the link travels once in the encrypted TempData cookie.
            TempData[InvitationTempDataKey] =
                $"{Request.Scheme}://{Request.Host}/Account/AcceptInvite" +
                $"?userId={invitation.UserId}&token={Uri.EscapeDataString(invitation.Token)}";
            TempData[InvitedEmailTempDataKey] = invitation.Email;
            return RedirectToPage();
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
        }
        return Page();
    }

    private async Task LoadRolesAsync() => AllRoles = (await roles.GetListAsync(HttpContext.RequestAborted)).Select(r => r.Name).ToList();
}
