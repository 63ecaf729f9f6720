using Xunit;

namespace HyperCrm.TestBase;

/// <summary>A fresh, migrated database for one test class (use as IClassFixture); dropped afterwards.</summary>
public class PostgresDatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = string.Empty;

    protected virtual bool Migrated => true;

    public virtual async Task InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync(Migrated);

    public virtual async Task DisposeAsync()
    {
        if (ConnectionString.Length > 0) await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
