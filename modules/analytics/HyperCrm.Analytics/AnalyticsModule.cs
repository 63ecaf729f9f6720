using HyperCrm.Analytics.Application;
using HyperCrm.Analytics.Data;
using HyperCrm.Analytics.Export;
using HyperCrm.Analytics.Ingestion;
using HyperCrm.Analytics.Kpis;
using HyperCrm.Analytics.Mining;
using HyperCrm.Automation;
using HyperCrm.Customers;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Settings;
using HyperCrm.Identity;
using HyperCrm.Robots;
using HyperCrm.Sales;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Analytics;

/// <summary>The "eyes": the event log fed by every module's events, the KPIs of hyperautomation, process mining (map, variants,
/// bottlenecks, conformance, what to automate next) and the log's export as XES and OCEL 2.0.</summary>
[DependsOn(typeof(HyperCrmFrameworkModule), typeof(AnalyticsContractsModule), typeof(SalesContractsModule),
    typeof(CustomersContractsModule), typeof(AutomationContractsModule), typeof(RobotsContractsModule), typeof(IdentityContractsModule))]
public sealed class AnalyticsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<AnalyticsDbContext>();
        services.AddSingleton<ISettingDefinitionProvider, AnalyticsSettingDefinitionProvider>();
        services.AddSingleton<EventLogPartitions>();
        services.AddScoped<EventLogWriter>();
        services.AddScoped<EventLogRebuilder>();
        services.AddScoped<ProcessMiner>();
        services.AddScoped<KpiCalculator>();
        services.AddScoped<EventLogExporter>();
        services.AddSingleton<AnalyticsWork>();
        services.AddDistributedEventHandler<EventLogFeed, AnalyticsDbContext>();
    }
}
