using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Domain.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Identity.Web.Pages.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AppUser> signInManager, ISecurityAuditLogger audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("./Login");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.LogAsync(SecurityActions.SignedOut, true, User.Identity.Name);
            await signInManager.SignOutAsync();
        }
        return RedirectToPage("./Login");
    }
}
