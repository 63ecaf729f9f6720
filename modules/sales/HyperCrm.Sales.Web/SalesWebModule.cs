using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.Identity;
using HyperCrm.RazorUi;
using HyperCrm.Sales.Web.Api;
using HyperCrm.Sales.Web.Menus;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Sales.Web;

[DependsOn(typeof(SalesModule), typeof(RazorUiModule), typeof(IdentityContractsModule))]
public sealed class SalesWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.Configure<ErrorCodeOptions>(SalesErrorCodes.Map);
        context.Services.AddSingleton<ILinkContributor, SalesLinks>();
        context.Services.AddSingleton<IMenuContributor, SalesMenuContributor>();
        context.Services.AddSingleton<IDashboardContributor, MyDealsDashboardContributor>();
        context.Services.AddSingleton<IDashboardContributor, OrdersNeedingAttentionDashboardContributor>();
        context.Services.AddHyperApplicationPart(typeof(SalesWebModule).Assembly);
        context.Services.AddSalesApiExamples();
        context.Services.AddMcpServer().WithTools<Mcp.SalesMcpTools>().WithResources<Mcp.SalesMcpResources>();
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Endpoints?.MapSalesEndpoints();
        context.Endpoints?.MapDealEndpoints();
    }
}
