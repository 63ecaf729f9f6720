namespace HyperCrm.Intelligence;

/// <summary>The fraud-risk model registry, as Settings → AI shows and manages it.</summary>
public interface IRiskModelAppService
{
    Task<IReadOnlyList<RiskModelDto>> GetListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Trains a new version from the synthetic set and every person's decision so far, measures it and the current model on
    /// the same held-out orders, and promotes it only when it does better. Returns the new version.
    /// </summary>
    Task<RiskModelDto> RetrainAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes a version the one that scores orders (a promotion, or a rollback to an older one); audited.</summary>
    Task PromoteAsync(int version, CancellationToken cancellationToken = default);
}
