using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Framework.Hosting;

public sealed class DataSeeder(IServiceScopeFactory scopeFactory, ILogger<DataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        foreach (var contributor in scope.ServiceProvider.GetServices<IDataSeedContributor>().OrderBy(c => c.Order))
        {
            logger.LogInformation("Seeding {Contributor}", contributor.GetType().Name);
            await contributor.SeedAsync(cancellationToken);
        }
    }
}
