using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.RazorUi;
using HyperCrm.Robots.Web.Menus;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Robots.Web;

[DependsOn(typeof(RobotsModule), typeof(RazorUiModule))]
public sealed class RobotsWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.AddSingleton<IMenuContributor, RobotsMenuContributor>();
        context.Services.AddSingleton<ILinkContributor, RobotsLinks>();
        context.Services.AddHyperApplicationPart(typeof(RobotsWebModule).Assembly);
    }
}
