using System.Security.Claims;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Framework.Ui;

/// <summary>Builds the sidebar for a user: every contributor, then whatever the user may not open is removed.</summary>
public sealed class MenuManager(IEnumerable<IMenuContributor> contributors, IPermissionChecker permissions,
    IStringLocalizerFactory localizers)
{
    public async Task<ApplicationMenu> GetMainMenuAsync(ClaimsPrincipal user)
    {
        var menu = new ApplicationMenu();
        var context = new MenuConfigurationContext(menu, user, localizers);
        foreach (var contributor in contributors) await contributor.ConfigureMenuAsync(context);
        await FilterAsync(menu.Items, user);
        menu.Items.Sort((a, b) => a.Order.CompareTo(b.Order));
        return menu;
    }

    private async Task FilterAsync(List<MenuItem> items, ClaimsPrincipal user)
    {
        foreach (var item in items.ToList())
        {
            await FilterAsync(item.Items, user);
            var allowed = item.RequiredPermission is null
                ? user.Identity?.IsAuthenticated == true
                : await permissions.IsGrantedAsync(user, item.RequiredPermission);
            if (!allowed || (item.Url is null && item.Items.Count == 0)) items.Remove(item);
            item.Items.Sort((a, b) => a.Order.CompareTo(b.Order));
        }
    }
}
