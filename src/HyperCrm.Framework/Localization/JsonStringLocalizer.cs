using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Framework.Localization;

public sealed class JsonStringLocalizer(JsonStringLocalizerFactory factory, Assembly assembly, string resourceName,
    JsonStringLocalizer? fallback)
    : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null, searchedLocation: resourceName);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var value = Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, value ?? name, arguments), value is null,
                resourceName);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        factory.GetTexts(assembly, resourceName, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
            .Select(kv => new LocalizedString(kv.Key, kv.Value, false, resourceName));

    /// <summary>This resource in the UI culture, then the shared resource in it, then both in English.</summary>
    private string? Find(string name, CultureInfo culture) =>
        FindInCultureChain(name, culture)
        ?? fallback?.FindInCultureChain(name, culture)
        ?? Lookup(name, JsonStringLocalizerFactory.DefaultCulture)
        ?? fallback?.Lookup(name, JsonStringLocalizerFactory.DefaultCulture);

    private string? FindInCultureChain(string name, CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (Lookup(name, c.Name) is { } text) return text;
        }
        return null;
    }

    private string? Lookup(string name, string culture) =>
        factory.GetTexts(assembly, resourceName, culture).TryGetValue(name, out var text) ? text : null;
}
