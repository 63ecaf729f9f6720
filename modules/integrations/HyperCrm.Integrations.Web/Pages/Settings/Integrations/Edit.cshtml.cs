using HyperCrm.Framework.Domain;
using HyperCrm.Integrations.Connectors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Integrations.Web.Pages.Settings.Integrations;

/// <summary>One connector's settings: base URL, user, secret (write-only, encrypted at rest), timeout.</summary>
[Authorize(IntegrationsPermissions.ManageConnectors)]
public sealed class EditModel(IConnectorAppService connectors, IStringLocalizer<IntegrationsResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public UpdateConnectorDto Input { get; set; } = new();

    public ConnectorDto? Connector { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!ConnectorNames.All.Contains(Name)) return NotFound();
        Connector = await connectors.GetAsync(Name, HttpContext.RequestAborted);
        Input = new UpdateConnectorDto { BaseUrl = Connector.BaseUrl, UserName = Connector.UserName,
            TimeoutSeconds = Connector.TimeoutSeconds };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ConnectorNames.All.Contains(Name)) return NotFound();
        if (ModelState.IsValid)
        {
            try
            {
                await connectors.UpdateAsync(Name, Input, HttpContext.RequestAborted);
                TempData["Success"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Connector:Saved"], Name);
                return RedirectToPage("./Index");
            }
            catch (BusinessException ex)
            {
                ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            }
        }
        Connector = await connectors.GetAsync(Name, HttpContext.RequestAborted);
        return Page();
    }
}
