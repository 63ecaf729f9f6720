namespace HyperCrm.Framework.Hosting;

/// <summary>Seeds a module's data; must be safe to run on every start (it runs after --migrate and at start-up).</summary>
public interface IDataSeedContributor
{
    /// <summary>Lower runs first (roles before the users that hold them).</summary>
    int Order => 0;

    Task SeedAsync(CancellationToken cancellationToken);
}
