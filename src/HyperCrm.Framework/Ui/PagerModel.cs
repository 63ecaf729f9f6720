namespace HyperCrm.Framework.Ui;

/// <summary>What the shared _Pager partial needs to render "previous / page X of Y / next" for a server-paged list.</summary>
public sealed record PagerModel(int Page, int PageSize, long TotalCount, string? Filter = null, bool TotalIsLowerBound = false,
    string? ExtraQuery = null)
{
    public string TotalText => TotalIsLowerBound ? $"{TotalCount - 1:N0}+" : TotalCount.ToString("N0",
        System.Globalization.CultureInfo.CurrentCulture);

    public int PageCount => (int)Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;

    public string Link(int page) =>
        $"?page={page}" + (string.IsNullOrEmpty(Filter) ? string.Empty : "&filter=" + Uri.EscapeDataString(Filter)) + ExtraQuery;
}
