using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Scheduling;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Keeps <paramref name="name"/>'s rows for <paramref name="retention"/> (see <see cref="RetentionRule"/>).</summary>
    public static IServiceCollection AddRetentionRule<TDbContext>(this IServiceCollection services, string name, TimeSpan retention,
        string deleteBatchSql)
        where TDbContext : DbContext =>
        services.AddSingleton(new RetentionRule(name, typeof(TDbContext), retention, deleteBatchSql));
}
