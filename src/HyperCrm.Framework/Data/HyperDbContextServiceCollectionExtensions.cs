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
        // Inside a request's shared transaction (begun before the context is made), the context works on its connection.
        services.AddDbContext<TContext>((provider, options) => (provider.GetService<SharedTransaction>() is { Connection: { } shared }
                ? options.UseHyperNpgsql(shared)
                : options.UseHyperNpgsql(provider.GetRequiredService<NpgsqlDataSource>()))
            .AddInterceptors(provider.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddSingleton(new OutboxSource(typeof(TContext)));
        return services;
    }

    public static TBuilder UseHyperNpgsql<TBuilder>(this TBuilder options, NpgsqlDataSource dataSource)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(dataSource, Configure);
        options.UseSnakeCaseNamingConvention();
        return options;
    }

    /// <summary>On the connection of a <see cref="SharedTransaction"/>, which the context neither opens nor closes.</summary>
    public static TBuilder UseHyperNpgsql<TBuilder>(this TBuilder options, NpgsqlConnection connection)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseNpgsql(connection, Configure);
        options.UseSnakeCaseNamingConvention();
        return options;
    }

    // An aggregate's few owned rows (order lines and steps) come in one query; splitting would cost a round trip each.
    private static void Configure(Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder o) =>
        o.MigrationsHistoryTable(DatabaseOptions.MigrationsHistoryTable, DatabaseOptions.MigrationsHistorySchema)
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);

    public static string GetHyperConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
        ?? throw new InvalidOperationException(
            "No database configured: set ConnectionStrings__Default (run.sh and test.sh do this for you).");
}
