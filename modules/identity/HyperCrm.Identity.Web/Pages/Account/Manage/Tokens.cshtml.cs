using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Tokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Identity.Web.Pages.Account.Manage;

/// <summary>
/// A person's tokens for outside assistants (MCP clients): each acts as its owner with the owner's permissions, expires, and
/// can be revoked here; a new token is shown once, with a client configuration to paste.
/// </summary>
public sealed class TokensModel(IPersonalAccessTokenAppService tokens, TimeProvider clock, IStringLocalizer<IdentityResource> l)
    : PageModel
{
    public static readonly int[] Lifetimes = [7, 30, 90, 365];

    public IReadOnlyList<PersonalAccessTokenDto> Tokens { get; private set; } = [];
    public CreatedTokenDto? Created { get; private set; }
    public DateTimeOffset Now { get; private set; }

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public int Days { get; set; } = 30;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Name)) ModelState.AddModelError(nameof(Name), l["Tokens:NameRequired"]);
        else if (!Lifetimes.Contains(Days)) ModelState.AddModelError(nameof(Days), l["Tokens:DaysInvalid"]);
        else
        {
            try
            {
                Created = await tokens.CreateAsync(Name.Trim(), Days, cancellationToken);
                Name = string.Empty;
            }
            catch (BusinessException ex)
            {
                ModelState.AddModelError(nameof(Name), ex.Code == "Identity:TooManyTokens" ? l["Tokens:TooMany"] : l["Tokens:NameInvalid"]);
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.RevokeAsync(id, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Tokens = await tokens.GetMineAsync(cancellationToken);
    }
}
