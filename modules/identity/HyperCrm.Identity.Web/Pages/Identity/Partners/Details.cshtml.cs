using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Partners;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Identity.Web.Pages.Identity.Partners;

[Authorize(IdentityPermissions.Partners.Default)]
public sealed class DetailsModel(IPartnerAppService partners, IAuthorizationService authorization,
    IStringLocalizer<IdentityResource> l) : PageModel
{
    public PartnerDto Partner { get; private set; } = null!;
    public IReadOnlyList<ApiKeyDto> Keys { get; private set; } = [];
    public bool CanManage { get; private set; }

    /// <summary>The plain key, on the one response that creates it.</summary>
    public string? CreatedKey { get; private set; }

    [BindProperty]
    public CreateApiKeyDto Input { get; set; } = new();

    private const string CreatedKeyTempDataKey = "Identity.CreatedApiKey";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        CreatedKey = TempData[CreatedKeyTempDataKey] as string;
        return await LoadAsync(id);
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(Guid id)
    {
        if (!await CanManageAsync()) return Forbid();
        if (Input.Scopes.Count == 0) ModelState.AddModelError("Input.Scopes", l["Partners:PickScope"]);
        if (ModelState.IsValid)
        {
            try
            {
                var created = await partners.CreateKeyAsync(id, Input, HttpContext.RequestAborted);
                // Post-redirect-get: a reload must not create a second key. TempData is an encrypted, read-once cookie.
                TempData[CreatedKeyTempDataKey] = created.PlainKey;
                return RedirectToPage(new { id });
            }
            catch (BusinessException ex) when (ex is not EntityNotFoundException)
            {
                ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            }
        }
        return await LoadAsync(id);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid keyId)
    {
        if (!await CanManageAsync()) return Forbid();
        try
        {
            await partners.RevokeKeyAsync(id, keyId, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        TempData["Success"] = l["Partners:KeyRevoked"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> CanManageAsync() =>
        (await authorization.AuthorizeAsync(User, IdentityPermissions.Partners.ManageKeys)).Succeeded;

    private async Task<IActionResult> LoadAsync(Guid id)
    {
        try
        {
            Partner = await partners.GetAsync(id, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        Keys = await partners.GetKeysAsync(id, HttpContext.RequestAborted);
        CanManage = await CanManageAsync();
        return Page();
    }
}
