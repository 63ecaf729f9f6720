using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Framework.Scheduling;

/// <summary>Applies every module's <see cref="RetentionRule"/>: old rows go in batches, so no delete holds a table for long.</summary>
public sealed class RetentionSweeper(IServiceScopeFactory scopes, IEnumerable<RetentionRule> rules, TimeProvider clock,
    ILogger<RetentionSweeper> logger)
{
    public const int BatchSize = 5000;

    public async Task<IReadOnlyDictionary<string, int>> SweepAsync(CancellationToken cancellationToken)
    {
        var purged = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(rule.DbContextType);
            var cutoff = clock.GetUtcNow() - rule.Retention;
            int deleted, total = 0;
            do
            {
                deleted = await db.Database.ExecuteSqlRawAsync(rule.DeleteBatchSql, [cutoff, BatchSize], cancellationToken);
                total += deleted;
            }
            while (deleted > 0 && !cancellationToken.IsCancellationRequested);
            purged[rule.Name] = total;
            if (total > 0) logger.LogInformation("Retention: purged {Rows} rows of {Table} older than {Cutoff:u}", total, rule.Name,
                cutoff);
        }
        return purged;
    }
}
