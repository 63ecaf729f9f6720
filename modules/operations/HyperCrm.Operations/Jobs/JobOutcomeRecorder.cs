using HyperCrm.Framework.Hosting;
using HyperCrm.Operations.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace HyperCrm.Operations.Jobs;

/// <summary>Records each Quartz job's last execution (on whichever instance ran it) for the console's jobs page.</summary>
public sealed class JobOutcomeRecorder(IServiceScopeFactory scopes, ILogger<JobOutcomeRecorder> logger) : IJobListener
{
    public string Name => "operations-job-outcomes";

    public ValueTask JobToBeExecuted(IJobExecutionContext context,
        CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context,
        CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.JobDetail.Key;
        var error = jobException?.InnerException?.Message ?? jobException?.Message;
        if (error is { Length: > Domain.JobOutcome.MaxErrorLength }) error = error[..Domain.JobOutcome.MaxErrorLength];
        var failed = jobException is not null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OperationsDbContext>();
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO operations.job_outcomes AS o (job_group, job_name, fired_at, seconds, succeeded, error, instance_name,
                    executions,
                    failures)
                VALUES ({key.Group}, {key.Name}, {context.FireTimeUtc}, {context.JobRunTime.TotalSeconds}, {!failed}, {error},
                    {InstanceIdentity.Current.Name}, 1, {(failed ? 1 : 0)})
                ON CONFLICT (job_group, job_name) DO UPDATE SET fired_at = excluded.fired_at, seconds = excluded.seconds,
                    succeeded = excluded.succeeded, error = excluded.error, instance_name = excluded.instance_name,
                    executions = o.executions + 1, failures = o.failures + excluded.failures
                """, CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning("Recording the outcome of job {Job} failed: {Error}", key, ex.Message);
        }
    }
}
