using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace HyperCrm.Web.Data;

/// <summary>For `dotnet ef migrations add` (design time only; it does not connect).</summary>
public sealed class HyperCrmMigrationsDbContextFactory : IDesignTimeDbContextFactory<HyperCrmMigrationsDbContext>
{
    public HyperCrmMigrationsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Default")
                               ?? "Host=127.0.0.1;Database=hypercrm_design";
        var options = new DbContextOptionsBuilder<HyperCrmMigrationsDbContext>()
            .UseHyperNpgsql(NpgsqlDataSource.Create(connectionString))
            .Options;
        return new HyperCrmMigrationsDbContext(options);
    }
}
