using HyperCrm.Integrations.Webhooks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Integrations.Web.Pages.Settings.Integrations;

/// <summary>The last inbound webhooks, raw, as received (signature verified), with what came of each.</summary>
[Authorize(IntegrationsPermissions.Webhooks)]
public sealed class InboundModel(IInboundWebhookAppService inbound) : PageModel
{
    public IReadOnlyList<InboundWebhookDto> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await inbound.GetLatestAsync(cancellationToken: HttpContext.RequestAborted);
}
