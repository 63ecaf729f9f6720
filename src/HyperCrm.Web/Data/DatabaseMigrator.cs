using HyperCrm.Framework.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Web.Data;

/// <summary>`HyperCrm.Web --migrate`: applies pending migrations, seeds, and exits (0 on success).</summary>
public static class DatabaseMigrator
{
    public static async Task<int> MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<HyperCrmMigrationsDbContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync(cancellationToken);
            }
            await services.GetRequiredService<DataSeeder>().SeedAsync(cancellationToken);
            logger.LogInformation("Database migrated and seeded");
            return 0;
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Migration failed");
            return 1;
        }
    }
}
