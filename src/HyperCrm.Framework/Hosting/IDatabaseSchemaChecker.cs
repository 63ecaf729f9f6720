namespace HyperCrm.Framework.Hosting;

/// <summary>Implemented by the host, which owns the migrations: lists migrations not yet applied.</summary>
public interface IDatabaseSchemaChecker
{
    Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken);
}
