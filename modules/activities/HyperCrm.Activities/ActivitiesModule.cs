using HyperCrm.Activities.Application;
using HyperCrm.Activities.Data;
using HyperCrm.Customers;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Modularity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

[DependsOn(typeof(HyperCrmFrameworkModule), typeof(ActivitiesContractsModule), typeof(CustomersContractsModule))]
public sealed class ActivitiesModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<ActivitiesDbContext>();
        services.AddScoped<IWorkTaskAppService, WorkTaskAppService>();
        services.AddScoped<IApprovalAppService, ApprovalAppService>();
        services.AddScoped<INotificationAppService, NotificationAppService>();
        services.AddScoped<INoteAppService, NoteAppService>();
        services.AddScoped<IActivitiesIntegrationService, ActivitiesIntegrationService>();
    }
}
