namespace HyperCrm.Framework.Ui;

public sealed record DashboardWidget(string Name, string Title, IReadOnlyList<DashboardItem> Items, string EmptyText,
    string? MoreUrl = null);
