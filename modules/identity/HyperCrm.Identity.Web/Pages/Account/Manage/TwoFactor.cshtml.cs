using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Identity.Web.Pages.Account.Manage;

/// <summary>Every user may turn on TOTP two-factor sign-in (any authenticator app) and gets recovery codes once.</summary>
public sealed class TwoFactorModel(
    UserManager<AppUser> userManager,
    SignInManager<AppUser> signInManager,
    ISecurityAuditLogger audit,
    IStringLocalizer<IdentityResource> l) : PageModel
{
    private const int RecoveryCodeCount = 10;

    public bool IsEnabled { get; private set; }
    public string SharedKey { get; private set; } = string.Empty;
    public string AuthenticatorUri { get; private set; } = string.Empty;
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty]
    public string Code { get; set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty,
            StringComparison.Ordinal);
        var valid = code.Length > 0 && await userManager.VerifyTwoFactorTokenAsync(user,
            userManager.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), l["TwoFactor:Invalid"]);
            await LoadAsync(user);
            return Page();
        }
        await userManager.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.LogAsync(SecurityActions.TwoFactorEnabled, true, user.Email);
        await signInManager.RefreshSignInAsync(user);
        IsEnabled = true;
        return Page();
    }

    /// <summary>Turning two-factor off needs the password or a current code: a borrowed session alone cannot do it.</summary>
    public async Task<IActionResult> OnPostDisableAsync(string? confirmation)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null) return Challenge();
        var given = (confirmation ?? string.Empty).Trim();
        var code = given.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var confirmed = given.Length > 0 && (await userManager.CheckPasswordAsync(user, given)
            || (code.Length == 6 && code.All(char.IsAsciiDigit) && await userManager.VerifyTwoFactorTokenAsync(user,
                userManager.Options.Tokens.AuthenticatorTokenProvider, code)));
        if (!confirmed)
        {
            await audit.LogAsync(SecurityActions.TwoFactorDisabled, false, user.Email, "neither the password nor a current code");
            ModelState.AddModelError(string.Empty, l["Manage:DisableNotConfirmed"]);
            await LoadAsync(user);
            return Page();
        }
        await userManager.SetTwoFactorEnabledAsync(user, false);
        await userManager.ResetAuthenticatorKeyAsync(user);
        await audit.LogAsync(SecurityActions.TwoFactorDisabled, true, user.Email);
        await signInManager.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        IsEnabled = await userManager.GetTwoFactorEnabledAsync(user);
        if (IsEnabled) return;
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await userManager.ResetAuthenticatorKeyAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(' ', key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/HyperCrm:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=HyperCrm&digits=6";
    }
}
