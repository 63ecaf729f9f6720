using HyperCrm.Analytics.Web.Api;
using HyperCrm.Analytics.Web.Menus;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.Identity;
using HyperCrm.RazorUi;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Analytics.Web;

[DependsOn(typeof(AnalyticsModule), typeof(RazorUiModule), typeof(IdentityContractsModule))]
public sealed class AnalyticsWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.AddSingleton<IMenuContributor, AnalyticsMenuContributor>();
        context.Services.AddHyperApplicationPart(typeof(AnalyticsWebModule).Assembly);
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Endpoints?.MapAnalyticsEndpoints();
    }
}
