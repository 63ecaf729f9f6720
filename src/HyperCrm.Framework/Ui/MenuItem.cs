namespace HyperCrm.Framework.Ui;

public sealed class MenuItem(string name, string displayName, string? url = null, string? icon = null, int order = 1000,
    string? requiredPermission = null)
{
    public string Name { get; } = name;
    public string DisplayName { get; } = displayName;
    public string? Url { get; } = url;

    /// <summary>A Bootstrap Icons-free glyph name from our sprite, or null.</summary>
    public string? Icon { get; } = icon;

    public int Order { get; } = order;
    public string? RequiredPermission { get; } = requiredPermission;

    /// <summary>A count shown beside the entry (unread notifications, open tasks); hidden when null or zero.</summary>
    public int? Badge { get; init; }
    public List<MenuItem> Items { get; } = [];

    public MenuItem AddItem(MenuItem item)
    {
        Items.Add(item);
        return this;
    }
}
