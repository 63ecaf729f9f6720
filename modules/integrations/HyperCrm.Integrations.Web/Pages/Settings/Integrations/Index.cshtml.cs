using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Integrations.Connectors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Integrations.Web.Pages.Settings.Integrations;

/// <summary>Connectors: where each points, its health on this instance, a connection test and an ERP stock sync.</summary>
[Authorize(IntegrationsPermissions.Connectors)]
public sealed class IndexModel(IConnectorAppService connectors, IPermissionChecker permissions,
    IStringLocalizer<IntegrationsResource> l) : PageModel
{
    public IReadOnlyList<ConnectorDto> Connectors { get; private set; } = [];
    public IReadOnlyDictionary<string, ConnectorHealthDto> Health { get; private set; } = new Dictionary<string, ConnectorHealthDto>();
    public bool CanManage { get; private set; }

    public async Task OnGetAsync()
    {
        Connectors = await connectors.GetListAsync(HttpContext.RequestAborted);
        Health = connectors.GetHealth().ToDictionary(h => h.Name);
        CanManage = await permissions.IsGrantedAsync(User, IntegrationsPermissions.ManageConnectors);
    }

    public async Task<IActionResult> OnPostTestAsync(string name)
    {
        if (!await permissions.IsGrantedAsync(User, IntegrationsPermissions.ManageConnectors)) return Forbid();
        try
        {
            var result = await connectors.TestAsync(name, HttpContext.RequestAborted);
            TempData[result.Ok ? "Success" : "Error"] = string.Format(System.Globalization.CultureInfo.CurrentCulture,
                l[result.Ok ? "Connectors:TestOk" : "Connectors:TestFailed"], name, result.Message, result.Milliseconds);
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSyncAsync()
    {
        if (!await permissions.IsGrantedAsync(User, IntegrationsPermissions.ManageConnectors)) return Forbid();
        try
        {
            TempData["Success"] = await connectors.SyncStockAsync(HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is HttpRequestException or Refit.ApiException or ConnectorResponseException
                                   or Polly.CircuitBreaker.BrokenCircuitException
                                   or Polly.Timeout.TimeoutRejectedException or BusinessException)
        {
            TempData["Error"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Connectors:SyncFailed"],
                HttpContext.ErrorText(ex));
        }
        return RedirectToPage();
    }
}
