using HyperCrm.Automation.Catalog;
using HyperCrm.Customers;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Modularity;
using HyperCrm.Sales.Application;
using HyperCrm.Sales.Automation;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Orders;
using HyperCrm.Sales.Products;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Sales;

[DependsOn(typeof(HyperCrmFrameworkModule), typeof(SalesContractsModule), typeof(CustomersContractsModule),
    typeof(HyperCrm.Automation.AutomationContractsModule))]
public sealed class SalesModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<SalesDbContext>();
        services.AddScoped<IOrderAppService, OrderAppService>();
        services.AddScoped<IProductAppService, ProductAppService>();
        services.AddScoped<HyperCrm.Sales.Deals.IDealAppService, DealAppService>();
        services.AddScoped<IDataSeedContributor, SalesDataSeedContributor>();
        services.AddTriggerEnricher<OrderCreatedEnricher>();
        services.AddTriggerEnricher<OrderStatusChangedEnricher>();
        services.AddTriggerEnricher<OrderStockArrivedEnricher>();
        services.AddAutomationAction<ChangeOrderStatusAction>();
        services.AddAutomationAction<OpenOrderDealAction>();
        services.AddAutomationAction<CloseOrderDealAction>();
        services.AddAutomationAction<GetOrderAction>();
        services.AddAutomationAction<FindOrdersAction>();
        services.AddAutomationAction<FindDealsAction>();
        services.AddAutomationAction<FindProductsAction>();
        services.AddScoped<IOrderIntegrationService, OrderIntegrationService>();
        services.AddScoped<IProductIntegrationService, ProductIntegrationService>();
    }
}
