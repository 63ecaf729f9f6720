namespace HyperCrm.Framework.Settings;

/// <summary>A stored setting value (the default applies while there is none).</summary>
public sealed class SettingRecord
{
    public string Name { get; set; } = string.Empty;
    public string Value { get; set; } = string.Empty;
    public DateTimeOffset ModifiedAt { get; set; }
    public Guid? ModifiedBy { get; set; }
}
