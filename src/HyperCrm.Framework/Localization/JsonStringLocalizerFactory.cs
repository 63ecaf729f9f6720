using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Framework.Localization;

/// <summary>Serves IStringLocalizer&lt;T&gt; from the embedded JSON files of T's resource, falling back to the shared resource and to English.</summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    public const string DefaultCulture = "en";
    private readonly ConcurrentDictionary<(Assembly, string, string), IReadOnlyDictionary<string, string>> _texts = new();
    private readonly ConcurrentDictionary<Type, JsonStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource)
    {
        ArgumentNullException.ThrowIfNull(resourceSource);
        return _localizers.GetOrAdd(resourceSource, type =>
        {
            var name = type.GetCustomAttribute<LocalizationResourceNameAttribute>()?.Name ?? type.Name;
            var fallback = type == typeof(SharedResource) ? null : (JsonStringLocalizer)Create(typeof(SharedResource));
            return new JsonStringLocalizer(this, type.Assembly, name, fallback);
        });
    }

    public IStringLocalizer Create(string baseName, string location) => Create(typeof(SharedResource));

    internal IReadOnlyDictionary<string, string> GetTexts(Assembly assembly, string resourceName, string culture) =>
        _texts.GetOrAdd((assembly, resourceName, culture), key =>
        {
            var suffix = $".Localization.{key.Item2}.{key.Item3}.json";
            var manifestName = key.Item1.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
            if (manifestName is null) return new Dictionary<string, string>();
            using var stream = key.Item1.GetManifestResourceStream(manifestName)!;
            var document = JsonSerializer.Deserialize<LocalizationFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                           ?? throw new InvalidOperationException($"Localization file {manifestName} is empty.");
            return document.Texts;
        });

    private sealed record LocalizationFile(string Culture, Dictionary<string, string> Texts);
}

public sealed class JsonStringLocalizer(JsonStringLocalizerFactory factory, Assembly assembly, string resourceName, JsonStringLocalizer? fallback)
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
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, value ?? name, arguments), value is null, resourceName);
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
