using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Application;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Data;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Modularity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Customers;

[DependsOn(typeof(HyperCrmFrameworkModule), typeof(CustomersContractsModule), typeof(HyperCrm.Automation.AutomationContractsModule))]
public sealed class CustomersModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<CustomersDbContext>();
        services.AddScoped<ICustomerRepository, CustomerRepository>();
        services.AddScoped<CustomerManager>();
        services.AddScoped<TimelineWriter>();
        services.AddScoped<ICustomerAppService, CustomerAppService>();
        services.AddScoped<IPartnerCustomerAppService, PartnerCustomerAppService>();
        services.AddScoped<ICustomerIntegrationService, CustomerIntegrationService>();
        services.AddScoped<ICustomerTimelineAppService, CustomerTimelineAppService>();
        services.AddScoped<HyperCrm.Customers.Import.ICustomerImportAppService, CustomerImportAppService>();
        services.AddDistributedEventHandler<TimelineEventHandler, CustomersDbContext>();
        services.AddAutomationAction<HyperCrm.Customers.Automation.AddCustomerTagAction>();
        services.AddAutomationAction<HyperCrm.Customers.Automation.GetCustomerAction>();
        services.AddAutomationAction<HyperCrm.Customers.Automation.GetTimelineAction>();
    }
}
