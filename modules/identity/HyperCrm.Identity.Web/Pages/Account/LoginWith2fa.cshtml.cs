using System.ComponentModel.DataAnnotations;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Domain.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Identity.Web.Pages.Account;

/// <summary>The second step of sign-in: an authenticator code, or one of the recovery codes.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class LoginWith2faModel(SignInManager<AppUser> signInManager, ISecurityAuditLogger audit,
    IStringLocalizer<IdentityResource> l) : PageModel
{
    private const int AuthenticatorCodeMaxLength = 8;

    [BindProperty]
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(64, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "TwoFactor:Code")]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signInManager.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("./Login");
        if (!ModelState.IsValid) return Page();

        var code = Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = code.Length > AuthenticatorCodeMaxLength
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync(code)
            : await signInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.LogAsync(SecurityActions.SignInSucceeded, true, user.Email, "with two-factor");
            return LocalRedirect(LocalUrl.OrHome(ReturnUrl));
        }
        await audit.LogAsync(result.IsLockedOut ? SecurityActions.SignInLockedOut : SecurityActions.SignInTwoFactorFailed, false,
            user.Email);
        ModelState.AddModelError(string.Empty, result.IsLockedOut ? l["Login:LockedOut",
            (int)IdentityModule.LockoutDuration.TotalMinutes] : l["TwoFactor:Invalid"]);
        return Page();
    }
}
