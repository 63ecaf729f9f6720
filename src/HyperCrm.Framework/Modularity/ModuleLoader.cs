using System.Reflection;
using System.Text;

namespace HyperCrm.Framework.Modularity;

/// <summary>
/// Walks [DependsOn] depth-first from the startup module and returns the modules in
/// topological order: every module comes after all the modules it depends on.
/// </summary>
public static class ModuleLoader
{
    public static IReadOnlyList<ModuleDescriptor> Load(Type startupModuleType)
    {
        ArgumentNullException.ThrowIfNull(startupModuleType);
        var ordered = new List<ModuleDescriptor>();
        var done = new HashSet<Type>();
        var path = new List<Type>();
        Visit(startupModuleType, null, ordered, done, path);
        return ordered;
    }

    public static IReadOnlyList<Type> GetDependencies(Type moduleType) =>
        moduleType.GetCustomAttributes<DependsOnAttribute>(inherit: false)
            .SelectMany(a => a.DependedModuleTypes)
            .Distinct()
            .ToList();

    /// <summary>The dependency tree as indented text, for the start-up log.</summary>
    public static string DescribeTree(Type startupModuleType)
    {
        var text = new StringBuilder();
        var seen = new HashSet<Type>();
        void Write(Type type, int depth)
        {
            var repeated = !seen.Add(type);
            text.Append(' ', depth * 2).Append("- ").Append(type.Name).AppendLine(repeated ? " (see above)" : string.Empty);
            if (repeated) return;
            foreach (var dependency in GetDependencies(type)) Write(dependency, depth + 1);
        }
        Write(startupModuleType, 0);
        return text.ToString();
    }

    private static void Visit(Type type, Type? dependent, List<ModuleDescriptor> ordered, HashSet<Type> done, List<Type> path)
    {
        if (done.Contains(type)) return;
        if (path.Contains(type))
        {
            var cycle = path.Skip(path.IndexOf(type)).Append(type).Select(t => t.Name);
            throw new HyperModuleException($"Circular module dependency: {string.Join(" -> ", cycle)}.");
        }
        if (!typeof(HyperModule).IsAssignableFrom(type) || type.IsAbstract)
        {
            var by = dependent is null ? "as the startup module" : $"by {dependent.Name}";
            throw new HyperModuleException(
                $"Module '{type.FullName}' required {by} is missing: it must be a concrete class deriving from {nameof(HyperModule)}.");
        }
        if (type.GetConstructor(Type.EmptyTypes) is null)
            throw new HyperModuleException($"Module '{type.FullName}' needs a public parameterless constructor.");

        path.Add(type);
        var dependencies = GetDependencies(type);
        foreach (var dependency in dependencies) Visit(dependency, type, ordered, done, path);
        path.RemoveAt(path.Count - 1);

        done.Add(type);
        ordered.Add(new ModuleDescriptor(type, (HyperModule)Activator.CreateInstance(type)!, dependencies));
    }
}
