using System.ComponentModel.DataAnnotations;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Domain.Users;
using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Identity.Web.Pages.Account;

/// <summary>An invited person chooses a password with the one-time token from the invitation link.</summary>
[AllowAnonymous]
public sealed class AcceptInviteModel(UserManager<AppUser> userManager, ISecurityAuditLogger audit,
    IStringLocalizer<IdentityResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(UserConsts.MaxPasswordLength, MinimumLength = UserConsts.MinPasswordLength, ErrorMessage = "Password:Length")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    [Compare(nameof(Password), ErrorMessage = "Password:Mismatch")]
    [DataType(DataType.Password)]
    [Display(Name = "Password:Confirm")]
    public string ConfirmPassword { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync() => await FindInvitedAsync() is null ? InvalidLink() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await FindInvitedAsync();
        if (user is null) return InvalidLink();
        if (!ModelState.IsValid) return Page();
        var result = await userManager.ResetPasswordAsync(user, Token, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(string.Empty, error.Code == "InvalidToken" ? l["Invite:InvalidLink"] : error.Description);
            return Page();
        }
        user.AcceptInvitation();
        await userManager.UpdateAsync(user);
        await audit.LogAsync(SecurityActions.InvitationAccepted, true, user.Email);
        return RedirectToPage("./Login", new { message = "invitation-accepted" });
    }

    private async Task<AppUser?> FindInvitedAsync()
    {
        var user = UserId == Guid.Empty ? null : await userManager.FindByIdAsync(UserId.ToString());
        return user is { InvitationPending: true } ? user : null;
    }

    private PageResult InvalidLink()
    {
        ModelState.AddModelError(string.Empty, l["Invite:InvalidLink"]);
        Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest;
        return Page();
    }
}
