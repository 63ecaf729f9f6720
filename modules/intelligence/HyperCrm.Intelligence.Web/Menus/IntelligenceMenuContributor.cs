using HyperCrm.Framework.Ui;

namespace HyperCrm.Intelligence.Web.Menus;

/// <summary>Settings → AI: the fraud-risk models and their metrics.</summary>
public sealed class IntelligenceMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var l = context.Localizer<IntelligenceResource>();
        context.Menu.Items.Add(new MenuItem("Intelligence", l["Menu:Ai"], icon: "cpu", order: 8200)
            .AddItem(new MenuItem("Intelligence.Models", l["Menu:AiSettings"], "/Settings/Ai", order: 1,
                requiredPermission: IntelligencePermissions.Models)));
        return Task.CompletedTask;
    }
}
