using HyperCrm.Activities.Web.Api;
using HyperCrm.Activities.Web.Menus;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.RazorUi;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities.Web;

[DependsOn(typeof(ActivitiesModule), typeof(RazorUiModule))]
public sealed class ActivitiesWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.Configure<ErrorCodeOptions>(ActivitiesErrorCodes.Map);
        context.Services.AddSingleton<ILinkContributor, ActivitiesLinks>();
        context.Services.AddSingleton<IMenuContributor, ActivitiesMenuContributor>();
        context.Services.AddSingleton<IDashboardContributor, MyTasksDashboardContributor>();
        context.Services.AddHyperApplicationPart(typeof(ActivitiesWebModule).Assembly);
        context.Services.AddMcpServer().WithTools<Mcp.ActivityMcpTools>();
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Endpoints?.MapMessageEndpoints();
    }
}
