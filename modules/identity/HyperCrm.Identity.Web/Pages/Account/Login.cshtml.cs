using System.ComponentModel.DataAnnotations;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Domain.Users;
using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Identity.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class LoginModel(SignInManager<AppUser> signInManager, ISecurityAuditLogger audit,
    IStringLocalizer<IdentityResource> l) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public void OnGet(string? message) => Message = message == "invitation-accepted" ? l["Login:InvitationAccepted"].Value : null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var result = await signInManager.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.LogAsync(SecurityActions.SignInSucceeded, true, email);
            return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { returnUrl = LocalUrl.OrHome(ReturnUrl), rememberMe = Input.RememberMe });
        // "Locked out" and "not allowed" are decided before the password is checked: told to anyone, they would say which
        // emails exist and which are locked. Only the right password learns the account's state.
        if ((result.IsLockedOut || result.IsNotAllowed) && !await PasswordMatchesAsync(email, Input.Password))
        {
            await audit.LogAsync(result.IsLockedOut ? SecurityActions.SignInLockedOut : SecurityActions.SignInNotAllowed, false, email,
                "and the password was wrong");
            ModelState.AddModelError(string.Empty, l["Login:Invalid"]);
        }
        else if (result.IsLockedOut)
        {
            await audit.LogAsync(SecurityActions.SignInLockedOut, false, email);
            ModelState.AddModelError(string.Empty, l["Login:LockedOut", (int)IdentityModule.LockoutDuration.TotalMinutes]);
        }
        else if (result.IsNotAllowed)
        {
            await audit.LogAsync(SecurityActions.SignInNotAllowed, false, email);
            ModelState.AddModelError(string.Empty, l["Login:NotAllowed"]);
        }
        else
        {
            await audit.LogAsync(SecurityActions.SignInFailed, false, email);
            ModelState.AddModelError(string.Empty, l["Login:Invalid"]);
        }
        return Page();
    }

    private async Task<bool> PasswordMatchesAsync(string email, string password) =>
        await signInManager.UserManager.FindByEmailAsync(email) is { } user && await signInManager.UserManager.CheckPasswordAsync(user,
            password);

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Validation:Required")]
        [EmailAddress(ErrorMessage = "Validation:Email")]
        [StringLength(UserConsts.MaxEmailLength, ErrorMessage = "Validation:StringLength")]
        [Display(Name = "Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation:Required")]
        [StringLength(UserConsts.MaxPasswordLength, ErrorMessage = "Validation:StringLength")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;

        public bool RememberMe { get; set; }
    }
}
