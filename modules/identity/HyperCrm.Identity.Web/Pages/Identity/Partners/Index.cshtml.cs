using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Partners;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using HyperCrm.Framework.Web;

namespace HyperCrm.Identity.Web.Pages.Identity.Partners;

[Authorize(IdentityPermissions.Partners.Default)]
public sealed class IndexModel(IPartnerAppService partners, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<PartnerDto> Partners { get; private set; } = [];

    public bool CanManage { get; private set; }

    [BindProperty]
    public CreatePartnerDto Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!(await authorization.AuthorizeAsync(User, IdentityPermissions.Partners.ManageKeys)).Succeeded) return Forbid();
        if (ModelState.IsValid)
        {
            try
            {
                var created = await partners.CreateAsync(Input, HttpContext.RequestAborted);
                return RedirectToPage("./Details", new { id = created.Id });
            }
            catch (BusinessException ex)
            {
                ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Partners = await partners.GetListAsync(HttpContext.RequestAborted);
        CanManage = (await authorization.AuthorizeAsync(User, IdentityPermissions.Partners.ManageKeys)).Succeeded;
    }
}
