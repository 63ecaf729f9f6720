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

/// <summary>Paging input shared by list screens: a 1-based page and a bounded size.</summary>
public record PagedInput
{
    public const int MaxPageSize = 200;

    /// <summary>Counting stops here; the pager then shows "10,000+".</summary>
    public const int CountCap = 10_000;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 25;

    public int Skip => (Math.Max(1, Page) - 1) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}
