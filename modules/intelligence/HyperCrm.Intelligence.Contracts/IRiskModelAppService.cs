namespace HyperCrm.Intelligence;

/// <summary>The fraud-risk model registry, as Settings → AI shows it.</summary>
public interface IRiskModelAppService
{
    Task<IReadOnlyList<RiskModelDto>> GetListAsync(CancellationToken cancellationToken = default);
}
