namespace HyperCrm.Intelligence;

/// <summary>The customer segments' thresholds (Settings → AI) and a recompute of everyone on demand.</summary>
public interface ISegmentAppService
{
    Task<SegmentThresholdsDto> GetThresholdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks and stores the thresholds (audited); customers move as their next order comes in, or at once with
    /// <see cref="RecomputeAllAsync"/>, or at the nightly pass.</summary>
    Task SaveThresholdsAsync(SegmentThresholdsDto thresholds, CancellationToken cancellationToken = default);

    /// <summary>Recomputes every customer who ordered; returns how many moved.</summary>
    Task<int> RecomputeAllAsync(CancellationToken cancellationToken = default);
}
