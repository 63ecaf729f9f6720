using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Framework.Localization;

/// <summary>Finds a resource's marker type by its name ("Sales", "Shared"), across the loaded HyperCrm assemblies; once per name.</summary>
public static class LocalizationResources
{
    private static readonly ConcurrentDictionary<string, Type?> ByName = new(StringComparer.OrdinalIgnoreCase);

    public static Type? Find(string name) => ByName.GetOrAdd(name, Search);

    /// <summary>
    /// A code or message key "Resource:Text" ("Sales:TransitionNotAllowed", "Sales:Timeline:OrderPlaced") as the resource's
    /// localizer and the text's name in it; "Common:…" is the shared resource. False when there is no such resource.
    /// </summary>
    public static bool TryResolve(IStringLocalizerFactory factory, string code, [NotNullWhen(true)] out IStringLocalizer? localizer,
        out string name)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(code);
        var separator = code.IndexOf(':', StringComparison.Ordinal);
        var prefix = separator > 0 ? code[..separator] : null;
        name = separator > 0 ? code[(separator + 1)..] : code;
        localizer = prefix is not null && Find(prefix == "Common" ? "Shared" : prefix) is { } resource ? factory.Create(resource) : null;
        return localizer is not null;
    }

    /// <summary>The word for a value of a kind ("OrderStatus:OnHold" → "on hold"), or the value itself when there is none.</summary>
    public static string Word(IStringLocalizer localizer, string kind, string value)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var word = localizer[$"{kind}:{value}"];
        return word.ResourceNotFound ? value : word.Value;
    }

    private static Type? Search(string name) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("HyperCrm.", StringComparison.Ordinal) == true && !a.IsDynamic)
            .SelectMany(SafeTypes)
            .FirstOrDefault(t => string.Equals(t.GetCustomAttribute<LocalizationResourceNameAttribute>()?.Name, name,
                StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException)
        {
            return [];
        }
    }
}
