using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HyperCrm.Framework.Localization;

/// <summary>
/// The language seeded data is created in (the default pipeline, the playbook's rules, the demo catalog):
/// <c>HYPERCRM_DEFAULT_CULTURE</c>, <c>en</c> (the default) or <c>ru</c>. What is seeded is data like any other:
/// people rename it afterwards.
/// </summary>
public static class InstallationCulture
{
    public const string ConfigurationKey = "HYPERCRM_DEFAULT_CULTURE";
    public static readonly IReadOnlyList<string> Supported = ["en", "ru"];

    public static CultureInfo Of(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[ConfigurationKey]?.Trim().ToLowerInvariant();
        return new CultureInfo(name is { Length: > 0 } && Supported.Contains(name) ? name : "en");
    }

    /// <summary>Makes <paramref name="culture"/> the current (UI) culture until disposed, for localizers read while seeding.</summary>
    public static IDisposable Use(CultureInfo culture) => new Scope(culture);

    private sealed class Scope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Scope(CultureInfo culture) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
