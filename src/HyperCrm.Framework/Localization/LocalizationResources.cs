using System.Collections.Concurrent;
using System.Reflection;

namespace HyperCrm.Framework.Localization;

/// <summary>Finds a resource's marker type by its name ("Sales", "Shared"), across the loaded HyperCrm assemblies; once per name.</summary>
public static class LocalizationResources
{
    private static readonly ConcurrentDictionary<string, Type?> ByName = new(StringComparer.OrdinalIgnoreCase);

    public static Type? Find(string name) => ByName.GetOrAdd(name, Search);

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
