using HyperCrm.Framework.Ui;

namespace HyperCrm.Identity.Web.Menus;

public sealed class IdentityMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var l = context.Localizer<IdentityResource>();
        var administration = new MenuItem("Administration", l["Menu:Administration"], icon: "shield", order: 9000)
            .AddItem(new MenuItem("Identity.Users", l["Menu:Users"], "/Identity/Users", order: 1,
                requiredPermission: IdentityPermissions.Users.Default))
            .AddItem(new MenuItem("Identity.Roles", l["Menu:Roles"], "/Identity/Roles", order: 2,
                requiredPermission: IdentityPermissions.Roles.Default))
            .AddItem(new MenuItem("Identity.Partners", l["Menu:Partners"], "/Identity/Partners", order: 3,
                requiredPermission: IdentityPermissions.Partners.Default))
            .AddItem(new MenuItem("Identity.Audit", l["Menu:AuditLog"], "/Identity/Audit", order: 4,
                requiredPermission: IdentityPermissions.AuditLog));
        context.Menu.Items.Add(administration);
        return Task.CompletedTask;
    }
}
