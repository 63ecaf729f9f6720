using HyperCrm.Customers.Web.Api;
using HyperCrm.Customers.Web.Menus;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.Identity;
using HyperCrm.RazorUi;
using HyperCrm.Sales;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Customers.Web;

[DependsOn(typeof(CustomersModule), typeof(RazorUiModule), typeof(IdentityContractsModule), typeof(SalesContractsModule),
    typeof(HyperCrm.Activities.ActivitiesContractsModule))]
public sealed class CustomersWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.Configure<ErrorCodeOptions>(CustomersErrorCodes.Map);
        context.Services.AddSingleton<ILinkContributor, CustomersLinks>();
        context.Services.AddSingleton<IMenuContributor, CustomersMenuContributor>();
        context.Services.AddSingleton<IDashboardContributor, RecentActivityDashboardContributor>();
        context.Services.AddHyperApplicationPart(typeof(CustomersWebModule).Assembly);
        context.Services.AddCustomersApiExamples();
        context.Services.AddMcpServer().WithTools<Mcp.CustomerMcpTools>().WithResources<Mcp.CustomerMcpResources>();
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Endpoints?.MapCustomerEndpoints();
    }
}
