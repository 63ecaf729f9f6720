using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.Activities.Web.Components;

/// <summary>
/// Notes about a customer, deal or order, with a form to add one. Other modules' pages show it by name
/// (<c>Component.InvokeAsync("Notes", …)</c>), so they need no reference to this module; the form posts to /Work/Notes.
/// </summary>
public sealed class NotesViewComponent(INoteAppService notes, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(LinkKind kind, Guid id, Guid? customerId = null, bool showList = true)
    {
        var list = showList ? await notes.GetForAsync(kind, id, HttpContext.RequestAborted) : [];
        var canAdd = (await authorization.AuthorizeAsync(UserClaimsPrincipal, ActivitiesPermissions.Notes)).Succeeded;
        var returnUrl = HttpContext.Request.Path + HttpContext.Request.QueryString;
        return View(new NotesModel(kind, id, customerId, list, showList, canAdd, returnUrl));
    }
}
