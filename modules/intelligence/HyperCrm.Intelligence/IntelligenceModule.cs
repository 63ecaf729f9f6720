using HyperCrm.Activities;
using HyperCrm.Automation;
using HyperCrm.Automation.Catalog;
using HyperCrm.Customers;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Settings;
using HyperCrm.Identity;
using HyperCrm.Intelligence.Agents;
using HyperCrm.Intelligence.Application;
using HyperCrm.Intelligence.Automation;
using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Drafting;
using HyperCrm.Sales;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Intelligence;

/// <summary>The "brain": scores orders' fraud risk with an explained, versioned ML.NET model and keeps customers' segments
/// (new, repeat, VIP) current (more to come: message triage, drafting).</summary>
[DependsOn(typeof(HyperCrmFrameworkModule), typeof(IntelligenceContractsModule), typeof(SalesContractsModule),
    typeof(CustomersContractsModule), typeof(AutomationContractsModule), typeof(IdentityContractsModule),
    typeof(ActivitiesContractsModule))]
public sealed class IntelligenceModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<IntelligenceDbContext>();
        services.Configure<IntelligenceOptions>(context.Configuration.GetSection(IntelligenceOptions.Section));
        services.AddHostedService<IntelligenceScheduler>();
        services.AddSingleton<ISettingDefinitionProvider, IntelligenceSettingDefinitionProvider>();
        services.AddScoped<SegmentService>();
        services.AddScoped<ISegmentAppService, SegmentAppService>();
        services.AddDistributedEventHandler<SegmentEventHandler, IntelligenceDbContext>();
        services.AddSingleton<RiskModelRegistry>();
        services.AddScoped<IRiskModelAppService, RiskModelAppService>();
        services.AddAutomationAction<ScoreOrderAction>();
        services.AddAutomationAction<RecordRiskDecisionAction>();
        services.AddScoped<RiskDecisions>();
        services.AddScoped<IRiskDecisionAppService, RiskDecisionAppService>();
        services.AddSingleton<TriageRegistry>();
        services.AddHostedService<ModelWarmup>();
        services.AddDistributedEventHandler<MessageTriageHandler, IntelligenceDbContext>();
        services.AddAutomationAction<ClassifyMessageAction>();
        services.AddScoped<IChatModelSource, SettingsChatModelSource>();
        services.AddScoped<MessageDrafter>();
        services.AddScoped<ILlmSettingsAppService, LlmSettingsAppService>();
        services.AddAutomationAction<DraftMessageAction>();
        services.AddScoped<AgentRunner>();
        services.AddAutomationAction<AgentAction>();
        services.AddTriggerEnricher<MessageClassifiedEnricher>();
    }
}
