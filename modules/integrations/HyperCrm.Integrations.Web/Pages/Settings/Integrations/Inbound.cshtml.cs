using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Web.Pages.Settings.Integrations;

/// <summary>The last inbound webhooks, raw, as received (signature verified), with what came of each.</summary>
[Authorize(IntegrationsPermissions.Webhooks)]
public sealed class InboundModel(IntegrationsDbContext db) : PageModel
{
    public IReadOnlyList<InboundWebhook> Items { get; private set; } = [];

    public async Task OnGetAsync() =>
        Items = await db.InboundWebhooks.AsNoTracking().OrderByDescending(w => w.ReceivedAt).Take(100).ToListAsync(HttpContext.RequestAborted);
}
