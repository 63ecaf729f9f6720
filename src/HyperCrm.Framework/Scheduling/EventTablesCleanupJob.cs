using HyperCrm.Framework.Data;
using HyperCrm.Framework.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace HyperCrm.Framework.Scheduling;

/// <summary>
/// Hourly: purges processed outbox and inbox rows older than the retention in every module schema, idempotency records
/// past 48 h, and whatever the modules' <see cref="RetentionRule"/>s name (raw webhooks, delivery attempts, run logs).
/// </summary>
[DisallowConcurrentExecution]
public sealed class EventTablesCleanupJob(
    IServiceScopeFactory scopeFactory,
    IEnumerable<OutboxSource> sources,
    IOptions<OutboxOptions> options,
    RetentionSweeper retention,
    ILogger<EventTablesCleanupJob> logger) : IJob
{
    public static readonly JobKey Key = new("event-tables-cleanup", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cutoff = DateTimeOffset.UtcNow - options.Value.Retention;
        foreach (var source in sources.Distinct())
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(source.DbContextType);
            var schema = ((IHyperDbContext)db).Schema;
            var outbox = await db.Database.ExecuteSqlRawAsync(
                $$"""DELETE FROM "{{schema}}".outbox_messages WHERE processed_at < {0}""", [cutoff], cancellationToken);
            var inbox = await db.Database.ExecuteSqlRawAsync(
                $$"""DELETE FROM "{{schema}}".inbox_messages WHERE processed_at < {0}""", [cutoff], cancellationToken);
            logger.LogInformation("Purged {OutboxRows} outbox and {InboxRows} inbox rows from {Schema}", outbox, inbox, schema);
        }
        await using var platform = scopeFactory.CreateAsyncScope();
        var expired = await platform.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(
            "DELETE FROM platform.idempotency_records WHERE created_at < {0}",
                [DateTimeOffset.UtcNow - (2 * HyperCrm.Framework.Web.IdempotencyMiddleware.Retention)], cancellationToken);
        logger.LogInformation("Purged {Records} expired idempotency records", expired);
        await retention.SweepAsync(cancellationToken);
    }
}
