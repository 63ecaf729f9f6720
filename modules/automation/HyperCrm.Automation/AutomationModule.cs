using System.Reflection;
using HyperCrm.Automation.Application;
using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Engine;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Modularity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Automation;

[DependsOn(typeof(HyperCrmFrameworkModule), typeof(AutomationContractsModule))]
public sealed class AutomationModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<AutomationDbContext>();
        services.AddOptions<AutomationOptions>().Bind(context.Configuration.GetSection("Automation"));
        services.AddSingleton<AutomationCatalog>();
        services.AddSingleton<RuleCompiler>();
        services.AddSingleton<RuleProgramCache>();
        services.AddSingleton<ActiveRuleCache>();
        services.AddSingleton<RunSignal>();
        services.AddScoped<RunInterpreter>();
        services.AddScoped<RunStarter>();
        services.AddScoped<AutomationEventSink>();
        services.AddScoped<IRuleAppService, RuleAppService>();
        services.AddScoped<IRunAppService, RunAppService>();
        services.AddScoped<DryRunner>();
        services.AddScoped<RuleScheduler>();
        services.AddScoped<ScheduledRuleJob>();
        services.AddAutomationAction<LogAction>();
        services.AddScoped<IDataSeedContributor, PlaybookSeedContributor>();
        services.AddSingleton<RunWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RunWorker>());
    }

    /// <summary>
    /// After every module registered its services: each distributed event type of every loaded module (by its
    /// [EventName]) becomes a trigger, delivered to the engine through the automation inbox.
    /// </summary>
    public override void PostConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var assemblies = context.Modules.Select(m => m.Type.Assembly).Distinct();
        foreach (var type in assemblies.SelectMany(SafeTypes).Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (type.GetCustomAttribute<EventNameAttribute>() is not { IsTrigger: true } name) continue;
            var module = type.Assembly.GetName().Name!.Replace("HyperCrm.", string.Empty, StringComparison.Ordinal).Split('.')[0].ToLowerInvariant();
            var trigger = new EventTriggerType(name.Name, type, module);
            context.Services.AddSingleton(trigger);
            context.Services.AddSingleton(AutomationEngineServiceCollectionExtensions.TriggerRegistration(trigger));
        }
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
