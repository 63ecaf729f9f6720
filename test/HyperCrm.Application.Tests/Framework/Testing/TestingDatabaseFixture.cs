using HyperCrm.Framework.Data;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HyperCrm.Application.Tests.Framework.Testing;

/// <summary>A migrated database plus the testing module's own tables (created from its model).</summary>
public sealed class TestingDatabaseFixture : PostgresDatabaseFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        var options = new DbContextOptionsBuilder<TestingDbContext>().UseHyperNpgsql(dataSource).Options;
        await using var db = new TestingDbContext(options, null!);
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }
}
