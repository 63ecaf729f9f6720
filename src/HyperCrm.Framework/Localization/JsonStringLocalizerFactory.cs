using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Framework.Localization;

/// <summary>Serves IStringLocalizer&lt;T&gt; from the embedded JSON files of T's resource, falling back to the shared resource and to
/// English.</summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly JsonSerializerOptions FileOptions = new(JsonSerializerDefaults.Web);

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
            var manifestName = key.Item1.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix,
                StringComparison.OrdinalIgnoreCase));
            if (manifestName is null) return new Dictionary<string, string>();
            using var stream = key.Item1.GetManifestResourceStream(manifestName)!;
            var document = JsonSerializer.Deserialize<LocalizationFile>(stream, FileOptions)
                           ?? throw new InvalidOperationException($"Localization file {manifestName} is empty.");
            return document.Texts;
        });

    private sealed record LocalizationFile(string Culture, Dictionary<string, string> Texts);
}
