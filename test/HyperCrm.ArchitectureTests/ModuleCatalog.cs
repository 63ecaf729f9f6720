using System.Reflection;
using HyperCrm.Framework.Modularity;
using HyperCrm.Web;

namespace HyperCrm.ArchitectureTests;

/// <summary>Every module of the app, found from the host's [DependsOn] graph, with its layer assemblies.</summary>
public static class ModuleCatalog
{
    public const string Prefix = "HyperCrm.";
    private static readonly string[] PlatformAssemblies = ["HyperCrm.Framework", "HyperCrm.RazorUi", "HyperCrm.Web", "HyperCrm.Sandbox"];

    public static IReadOnlyList<ModuleAssemblies> Modules { get; } = Discover();

    public static IEnumerable<object[]> ModuleNames() => Modules.Select(m => new object[] { m.Name });

    public static ModuleAssemblies Get(string name) => Modules.Single(m => m.Name == name);

    /// <summary>"HyperCrm.Sales.Contracts" → "Sales"; null for the platform's own assemblies.</summary>
    public static string? ModuleOf(string assemblyName)
    {
        if (!assemblyName.StartsWith(Prefix, StringComparison.Ordinal) || PlatformAssemblies.Contains(assemblyName)) return null;
        return assemblyName[Prefix.Length..].Split('.')[0];
    }

    private static List<ModuleAssemblies> Discover() =>
        ModuleLoader.Load(typeof(HyperCrmWebModule))
            .Select(m => m.Type.Assembly)
            .Distinct()
            .Where(a => ModuleOf(a.GetName().Name!) is not null)
            .GroupBy(a => ModuleOf(a.GetName().Name!)!)
            .Select(g => new ModuleAssemblies(g.Key, g.ToList()))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
}

public sealed record ModuleAssemblies(string Name, IReadOnlyList<Assembly> Assemblies)
{
    public Assembly Contracts => Assemblies.Single(a => a.GetName().Name == $"HyperCrm.{Name}.Contracts");

    public Assembly Core => Assemblies.Single(a => a.GetName().Name == $"HyperCrm.{Name}");
}
