using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Integrations.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Integrations.Web.Pages.Settings.Integrations;

/// <summary>Every partner's subscriptions and the delivery log with each attempt; replay for those who manage webhooks.</summary>
[Authorize(IntegrationsPermissions.Webhooks)]
public sealed class WebhooksModel(IWebhookSubscriptionAppService webhooks, IPermissionChecker permissions,
    IStringLocalizer<IntegrationsResource> l) : PageModel
{
    public IReadOnlyList<WebhookSubscriptionDto> Subscriptions { get; private set; } = [];
    public DeliveryPageDto Deliveries { get; private set; } = new([], null);
    public bool CanManage { get; private set; }

    [BindProperty(SupportsGet = true)]
    public DeliveryState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Cursor { get; set; }

    public async Task OnGetAsync()
    {
        Subscriptions = await webhooks.GetListAsync(null, HttpContext.RequestAborted);
        Deliveries = await webhooks.GetDeliveriesAsync(null, null, State, 50, Cursor, HttpContext.RequestAborted);
        CanManage = await permissions.IsGrantedAsync(User, IntegrationsPermissions.ManageWebhooks);
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid id)
    {
        if (!await permissions.IsGrantedAsync(User, IntegrationsPermissions.ManageWebhooks)) return Forbid();
        try
        {
            await webhooks.ReplayAsync(id, null, HttpContext.RequestAborted);
            TempData["Success"] = l["Webhooks:Replayed"].Value;
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage(new { State });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id)
    {
        if (!await permissions.IsGrantedAsync(User, IntegrationsPermissions.ManageWebhooks)) return Forbid();
        try
        {
            await webhooks.DeleteAsync(id, null, HttpContext.RequestAborted);
            TempData["Success"] = l["Webhooks:Deleted"].Value;
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage();
    }
}
