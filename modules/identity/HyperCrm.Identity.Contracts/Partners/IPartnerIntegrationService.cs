namespace HyperCrm.Identity.Partners;

/// <summary>What other modules may ask of partners (no permission checks: callers have already authenticated the source).</summary>
public interface IPartnerIntegrationService
{
    /// <summary>The partner with this name, created (active, no keys) when it does not exist yet; null when it is deactivated.</summary>
    Task<Guid?> EnsureAsync(string name, CancellationToken cancellationToken = default);

    Task<string?> FindNameAsync(Guid id, CancellationToken cancellationToken = default);
}
