using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Settings;
using HyperCrm.Identity.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Web.Pages.Settings;

[Authorize(PlatformPermissions.Settings)]
public sealed class IndexModel(
    SettingDefinitionManager definitions,
    ISettingManager settings,
    ISecurityAuditLogger audit,
    IStringLocalizerFactory localizers,
    IStringLocalizer<HyperCrmResource> l) : PageModel
{
    [BindProperty]
    public List<SettingItem> Items { get; set; } = [];

    public async Task OnGetAsync() => await LoadAsync(useStoredValues: true);

    public async Task<IActionResult> OnPostAsync()
    {
        var posted = Items.ToDictionary(i => i.Name, i => i.Value ?? string.Empty, StringComparer.Ordinal);
        foreach (var definition in definitions.All.Where(d => !d.OwnPage))
        {
            if (!posted.TryGetValue(definition.Name, out var value)) continue;
            var current = await settings.GetAsync(definition.Name);
            if (current == value) continue;
            try
            {
                await settings.SetAsync(definition.Name, value);
                await audit.LogAsync(SecurityActions.SettingChanged, true, definition.Name,
                    definition.IsEncrypted ? "(secret changed)" : $"'{current}' → '{value}'");
            }
            catch (BusinessException ex)
            {
                ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(useStoredValues: false);
            return Page();
        }
        TempData["Success"] = l["Settings:Saved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(bool useStoredValues)
    {
        var posted = Items.ToDictionary(i => i.Name, i => i.Value, StringComparer.Ordinal);
        Items = [];
        foreach (var definition in definitions.All.Where(d => !d.OwnPage).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var value = useStoredValues || !posted.TryGetValue(definition.Name,
                out var typed) ? await settings.GetAsync(definition.Name) : typed;
            Items.Add(new SettingItem
            {
                Name = definition.Name,
                Value = value,
                DisplayName = localizers.Create(definition.LocalizationResource)[definition.DisplayNameKey],
                IsEncrypted = definition.IsEncrypted,
            });
        }
    }

    public sealed class SettingItem
    {
        public string Name { get; set; } = string.Empty;
        public string? Value { get; set; }
        public string DisplayName { get; set; } = string.Empty;
        public bool IsEncrypted { get; set; }
    }
}
