namespace HyperCrm.Framework.Application;

/// <summary>One page of a server-paged list and the total it was cut from.</summary>
public sealed record PagedResultDto<T>(long TotalCount, IReadOnlyList<T> Items)
{
    /// <summary>
    /// Lists over very large tables count only up to <see cref="PagedInput.CountCap"/> rows (an exact count of a million
    /// rows costs more than the page itself); then <see cref="TotalCount"/> is a lower bound.
    /// </summary>
    public bool TotalIsLowerBound { get; init; }
}
