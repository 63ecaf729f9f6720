using HyperCrm.Activities.Application;
using HyperCrm.Activities.Automation;
using HyperCrm.Activities.Data;
using HyperCrm.Activities.Messages;
using HyperCrm.Automation;
using HyperCrm.Automation.Catalog;
using HyperCrm.Customers;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Modularity;
using HyperCrm.Sales;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

[DependsOn(typeof(HyperCrmFrameworkModule), typeof(ActivitiesContractsModule), typeof(CustomersContractsModule),
    typeof(AutomationContractsModule), typeof(SalesContractsModule))]
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
        services.AddScoped<IMessageAppService, MessageAppService>();
        services.AddScoped<IMessageIntegrationService, MessageIntegrationService>();
        services.AddAutomationAction<CreateTaskAction>();
        services.AddAutomationAction<NotifyAction>();
        services.AddAutomationAction<RequestApprovalAction>();
        services.AddAutomationAction<AttachDraftReplyAction>();
        services.AddTriggerEnricher<ApprovalDecidedEnricher>();
    }
}
