using HyperCrm.Framework.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HyperCrm.Framework.Data;

public static class HyperDbContextServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module DbContext on the shared PostgreSQL data source, with snake_case names,
    /// and makes its outbox one of the sources the dispatcher drains.
    /// </summary>
    public static IServiceCollection AddHyperDbContext<TContext>(this IServiceCollection services)
        where TContext : DbContext, IHyperDbContext
    {
        services.AddDbContext<TContext>((provider, options) => options
            .UseHyperNpgsql(provider.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(provider.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddSingleton(new OutboxSource(typeof(TContext)));
        return services;
    }

    public static TBuilder UseHyperNpgsql<TBuilder>(this TBuilder options, NpgsqlDataSource dataSource)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        // An aggregate's few owned rows (order lines and steps) come in one query; splitting would cost a round trip each.
        options.UseNpgsql(dataSource, o => o.MigrationsHistoryTable(DatabaseOptions.MigrationsHistoryTable,
            DatabaseOptions.MigrationsHistorySchema)
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        options.UseSnakeCaseNamingConvention();
        return options;
    }

    public static string GetHyperConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
        ?? throw new InvalidOperationException(
            "No database configured: set ConnectionStrings__Default (run.sh and test.sh do this for you).");
}
