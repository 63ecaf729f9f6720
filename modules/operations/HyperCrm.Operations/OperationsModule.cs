using HyperCrm.Activities;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Operations;
using HyperCrm.Identity;
using HyperCrm.Integrations;
using HyperCrm.Operations.Alerts;
using HyperCrm.Operations.Application;
using HyperCrm.Operations.Data;
using HyperCrm.Operations.Events;
using HyperCrm.Operations.Instances;
using HyperCrm.Operations.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace HyperCrm.Operations;

/// <summary>The "conductor": one console over every module's queues, runs, bots, connectors, scheduled jobs, dead letters and
/// instances, with pause and resume, alerts, and health that degrades when something piles up.</summary>
[DependsOn(typeof(HyperCrmFrameworkModule), typeof(OperationsContractsModule), typeof(IntegrationsContractsModule),
    typeof(IdentityContractsModule), typeof(ActivitiesContractsModule))]
public sealed class OperationsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<OperationsDbContext>();
        services.AddScoped<IOperationsProbe, OutboxProbe>();
        services.AddScoped<IDeadLetterSource, EventDeadLetters>();
        services.AddScoped<IPausableSource, ConsumerPausing>();
        services.AddScoped<JobConsole>();
        services.AddScoped<OperationsConsole>();
        services.AddScoped<ConsoleActions>();
        services.AddScoped<AlertEvaluator>();
        services.AddScoped<AlertNotifier>();
        services.AddScoped<IDataSeedContributor, DefaultAlertRulesSeedContributor>();
        services.AddSingleton<InstanceHeartbeat>();
        services.AddHostedService(sp => sp.GetRequiredService<InstanceHeartbeat>());
        services.AddHealthChecks().AddCheck<OperationsHealthCheck>("operations", tags: [HealthTags.Ready]);
        services.AddQuartz(q =>
        {
            q.AddJob<AlertEvaluationJob>(job => job.WithIdentity(AlertEvaluationJob.Key).StoreDurably()
                .WithDescription("Evaluates the alert rules of the operations console"));
            q.AddTrigger(trigger => trigger.ForJob(AlertEvaluationJob.Key).WithIdentity("alert-evaluation", "operations")
                .WithSimpleSchedule(s => s.WithInterval(AlertEvaluationJob.Interval).RepeatForever()));
            q.AddJobListener<JobOutcomeRecorder>(GroupMatcher<JobKey>.AnyGroup());
        });
    }
}
