namespace HyperCrm.Framework.Application;

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
