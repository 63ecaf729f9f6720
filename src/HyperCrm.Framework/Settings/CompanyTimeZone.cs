namespace HyperCrm.Framework.Settings;

/// <summary>The company's time zone (setting <see cref="PlatformSettingNames.TimeZone"/>), in which people read moments.</summary>
public static class CompanyTimeZone
{
    /// <summary>The configured zone; an unknown zone name falls back to UTC.</summary>
    public static async Task<TimeZoneInfo> GetCompanyTimeZoneAsync(this ISettingManager settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = await settings.GetAsync(PlatformSettingNames.TimeZone, cancellationToken);
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
