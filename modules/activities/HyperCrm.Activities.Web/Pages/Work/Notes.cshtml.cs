using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Activities.Web.Pages.Work;

/// <summary>Where the notes form of every page posts: saves the note and goes back to the page it came from.</summary>
[Authorize(ActivitiesPermissions.Notes)]
public sealed class NotesModel(INoteAppService notes, IStringLocalizer<ActivitiesResource> l) : PageModel
{
    public IActionResult OnGet(string? returnUrl) => LocalRedirect(LocalUrl.OrHome(returnUrl));

    public async Task<IActionResult> OnPostAsync(LinkKind kind, Guid id, Guid? customerId, string? text, string? returnUrl)
    {
        try
        {
            await notes.AddAsync(kind, id, text ?? string.Empty, customerId ?? (kind == LinkKind.Customer ? id : null),
                HttpContext.RequestAborted);
            TempData["Success"] = l["Notes:Added"].Value;
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return LocalRedirect(LocalUrl.OrHome(returnUrl));
    }
}
