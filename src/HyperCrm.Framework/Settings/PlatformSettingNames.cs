namespace HyperCrm.Framework.Settings;

/// <summary>The names of the platform-wide settings (defined by the host, read by the UI shell and the modules).</summary>
public static class PlatformSettingNames
{
    public const string CompanyName = "Platform.CompanyName";
    public const string DefaultCurrency = "Platform.DefaultCurrency";

    /// <summary>An IANA zone (for example <c>Europe/Moscow</c>): the UI shows every time in it.</summary>
    public const string TimeZone = "Platform.TimeZone";
}
