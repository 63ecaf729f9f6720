using System.Collections.Concurrent;
using HyperCrm.Application.Tests.Framework.Testing;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Shouldly;
using Xunit;

namespace HyperCrm.Application.Tests.Framework;

/// <summary>Quartz runs clustered on the job store the migrations created, and a trigger fires once across instances.</summary>
public sealed class SchedulingTests(TestingDatabaseFixture database) : IClassFixture<TestingDatabaseFixture>
{
    [Fact]
    public async Task A_Job_Scheduled_On_One_Instance_Should_Run_Once_Across_Two()
    {
        await using var first = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString,
            configureServices: s => s.AddTransient<RecordingJob>());
        await using var second = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString,
            configureServices: s => s.AddTransient<RecordingJob>());
        var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Eventually.WaitForAsync(() => Task.FromResult(scheduler.Status), status => status == SchedulerStatus.Running);
        var runId = Guid.NewGuid().ToString("N");

        await scheduler.ScheduleJob(
            JobBuilder.Create<RecordingJob>().WithIdentity(runId, "tests").UsingJobData("run", runId).Build(),
            TriggerBuilder.Create().WithIdentity(runId, "tests").StartNow().Build(),
            new ScheduleJobOptions(), CancellationToken.None);

        (await Eventually.WaitForAsync(() => Task.FromResult(RecordingJob.Runs.GetValueOrDefault(runId)), n => n > 0)).ShouldBe(1);
        await Task.Delay(1500);
        RecordingJob.Runs[runId].ShouldBe(1);
        var instances = await first.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>().Database
            .SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM quartz.qrtz_scheduler_state").ToListAsync());
        instances.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task The_Maintenance_Job_Should_Be_Registered_In_The_Job_Store()
    {
        await using var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await Eventually.WaitForAsync(() => Task.FromResult(scheduler.Status), status => status == SchedulerStatus.Running);

        (await scheduler.Exists(HyperCrm.Framework.Scheduling.EventTablesCleanupJob.Key, CancellationToken.None)).ShouldBeTrue();
        var stored = await host.InScopeAsync(sp => sp.GetRequiredService<TestingDbContext>().Database
            .SqlQueryRaw<string>("SELECT job_name AS \"Value\" FROM quartz.qrtz_job_details").ToListAsync());
        stored.ShouldContain("event-tables-cleanup");
    }

    public sealed class RecordingJob : IJob
    {
        public static ConcurrentDictionary<string, int> Runs { get; } = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(context);
            Runs.AddOrUpdate(context.MergedJobDataMap.GetString("run")!, 1, (_, n) => n + 1);
            return ValueTask.CompletedTask;
        }
    }
}
