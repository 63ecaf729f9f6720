using System.Reflection;
using HyperCrm.Automation.Application;
using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Engine;
using HyperCrm.Automation.Operations;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Scheduling;
using HyperCrm.Framework.Threading;
using Microsoft.Extensions.Configuration;
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
        // A finished run keeps its summary; its step log goes after the retention, a batch of runs at a time.
        services.AddRetentionRule<AutomationDbContext>("automation.run_steps", context.Configuration.GetValue("Automation:RunStepRetention",
            TimeSpan.FromDays(90)), """
            DELETE FROM automation.run_steps WHERE run_id IN (
                SELECT r.id FROM automation.runs r WHERE r.finished_at < {0}
                AND EXISTS (SELECT 1 FROM automation.run_steps s WHERE s.run_id = r.id) LIMIT {1})
            """);
        services.AddSingleton<AutomationCatalog>();
        services.AddSingleton<RuleCompiler>();
        services.AddSingleton<RuleProgramCache>();
        services.AddSingleton<ActiveRuleCache>();
        services.AddSingleton<RunSignal>();
        services.AddSingleton<AutomationActionMap>();
        services.AddScoped<RunInterpreter>();
        services.AddScoped<IAutomationToolbox, AutomationToolbox>();
        services.AddScoped<RunStarter>();
        services.AddScoped<AutomationEventSink>();
        services.AddScoped<IRuleAppService, RuleAppService>();
        services.AddScoped<CatalogWords>();
        services.AddScoped<IRunAppService, RunAppService>();
        services.AddScoped<IOperationsProbe, RunQueueProbe>();
        services.AddScoped<IDeadLetterSource, RunDeadLetters>();
        services.AddScoped<IPausableSource, RulePausing>();
        services.AddScoped<DryRunner>();
        services.AddScoped<RuleScheduler>();
        services.AddScoped<ScheduledRuleJob>();
        services.AddAutomationAction<LogAction>();
        services.AddScoped<IDataSeedContributor, PlaybookSeedContributor>();
        services.AddSignalledWorker<RunWorker>();
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
            var module = type.Assembly.GetName().Name!.Replace("HyperCrm.", string.Empty,
                StringComparison.Ordinal).Split('.')[0].ToLowerInvariant();
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
