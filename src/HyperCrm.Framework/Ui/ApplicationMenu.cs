namespace HyperCrm.Framework.Ui;

public sealed class ApplicationMenu
{
    public List<MenuItem> Items { get; } = [];
}
