using HyperCrm.Framework.Data;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Outbox;
using HyperCrm.Framework.Scheduling;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Settings;
using HyperCrm.Framework.Threading;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Npgsql;
using Quartz;

namespace HyperCrm.Framework;

/// <summary>The platform every module builds on: data, events, outbox, scheduling, permissions, settings, menus, localization.</summary>
public sealed class HyperCrmFrameworkModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        var connectionString = context.Configuration.GetHyperConnectionString();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<ICurrentUser, HttpContextCurrentUser>();
        // A connection handed back to the pool is not reset with DISCARD ALL (a statement per use): nothing here leaves session
        // state behind (advisory locks are transaction-scoped, no temporary tables, no session SETs; the LISTEN connection is
        // its own).
        var unreset = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString;
        services.AddSingleton(_ => NpgsqlDataSource.Create(unreset));

        services.AddSingleton<EventRegistry>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<OutboxSchemas>();
        services.AddSingleton(sp => new ClusterWakeups(sp.GetRequiredService<NpgsqlDataSource>(), connectionString,
            sp.GetRequiredService<DatabaseReadiness>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ClusterWakeups>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterWakeups>());
        services.AddSignalledWorker<OutboxDispatcher>();
        services.AddOptions<OutboxOptions>().Bind(context.Configuration.GetSection("Outbox"));
        services.AddScoped<HyperDbContextDependencies>();
        services.AddScoped<SharedTransaction>();
        services.AddHyperDbContext<PlatformDbContext>();

        services.AddSingleton<WorkPauses>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<DataSeeder>();
        services.AddHostedService<DatabaseReadinessService>();

        services.AddSingleton<PermissionDefinitionManager>();
        services.AddSingleton<IPermissionDefinitionProvider, PlatformPermissionDefinitionProvider>();
        services.AddScoped<IPermissionChecker, PermissionChecker>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();

        services.AddSingleton<SettingDefinitionManager>();
        services.AddScoped<ISettingManager, SettingManager>();
        services.AddScoped<MenuManager>();
        services.AddSingleton<LinkResolver>();
        services.AddSingleton<MessageFormatter>();

        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton<BusinessErrorLocalizer>();
        services.AddOptions<ErrorCodeOptions>();
        services.AddLocalization();

        services.AddHyperDataProtection(context.Configuration);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "HyperCrm";
                o.GenerateInstanceId = true;
                // Up to 50 triggers acquired in one round trip, up to 1 s before their time (each still fires at its time): many
                // schedules due in the same second fire on time without one database round trip each.
                o.MaxBatchSize = 50;
                o.BatchTriggerAcquisitionFireAheadTimeWindow = TimeSpan.FromSeconds(1);
                // With nothing due, the scheduler looks for triggers every 48-60 s (not 24-30 s): a trigger scheduled on this
                // instance wakes it at once, one scheduled on another is fired by that one.
                o.IdleWaitTime = TimeSpan.FromSeconds(60);
            });
            q.UseDefaultThreadPool(pool => pool.MaxConcurrency = 50);
            q.UsePersistentStore(store =>
            {
                // A node checks in every 60 s (not 7.5 s; nine statements each): an idle instance's statements; a dead node's
                // jobs are recovered by another within about two minutes.
                store.UseClustering(c =>
                {
                    c.Enabled = true;
                    c.CheckinInterval = TimeSpan.FromSeconds(60);
                });
                // Quartz leaves no session state either: its pooled connections go back without DISCARD ALL.
                store.UsePostgres(postgres => postgres.ConnectionString = unreset);
                store.ConfigureStore(o => o.TablePrefix = QuartzSchema.TablePrefix);
                store.UseSystemTextJsonSerializer(_ => { });
            });
            q.AddJob<EventTablesCleanupJob>(job => job.WithIdentity(EventTablesCleanupJob.Key).StoreDurably());
            q.AddTrigger<EventTablesCleanupJob>(trigger => trigger.ForJob(EventTablesCleanupJob.Key)
                .WithIdentity("event-tables-cleanup-hourly", "maintenance")
                .WithCronSchedule("0 17 * * * ?"));
        });
        services.AddSingleton<SchedulerStarter>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerStarter>());
        services.AddSingleton<RetentionSweeper>();
    }
}
