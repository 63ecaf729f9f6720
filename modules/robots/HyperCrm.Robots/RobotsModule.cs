using HyperCrm.Activities;
using HyperCrm.Automation;
using HyperCrm.Automation.Catalog;
using HyperCrm.Customers;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Operations;
using HyperCrm.Identity;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Automation;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Operations;
using HyperCrm.Robots.Runner;
using HyperCrm.Sales;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Robots;

/// <summary>The "hands": bots that work web portals with no API (Playwright on Chromium), their versions, their queue in
/// PostgreSQL and this instance's pool of browser workers, runs with step logs and screenshots, and <c>rpa.run_bot</c>.</summary>
[DependsOn(typeof(HyperCrmFrameworkModule), typeof(RobotsContractsModule), typeof(SalesContractsModule),
    typeof(CustomersContractsModule), typeof(AutomationContractsModule), typeof(IdentityContractsModule),
    typeof(ActivitiesContractsModule))]
public sealed class RobotsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<RobotsDbContext>();
        services.Configure<RobotsOptions>(context.Configuration.GetSection(RobotsOptions.Section));
        services.AddScoped<BotJobQueue>();
        services.AddSingleton<BotJobProcessor>();
        services.AddSingleton<BotWorkerPool>();
        services.AddHostedService(sp => sp.GetRequiredService<BotWorkerPool>());
        services.AddHostedService<BotJanitor>();
        services.AddScoped<BotJobs>();
        services.AddScoped<BotAppService>();
        services.AddScoped<IOperationsProbe, BotQueueProbe>();
        services.AddScoped<IDeadLetterSource, BotJobDeadLetters>();
        services.AddScoped<IPausableSource, BotPausing>();
        services.AddScoped<IDataSeedContributor, BotSeedContributor>();
        services.AddAutomationAction<RunBotAction>();
        services.AddTriggerEnricher<BotJobFinishedEnricher>();
        services.AddDistributedEventHandler<BotTaskCompletedHandler, RobotsDbContext>();
    }
}
