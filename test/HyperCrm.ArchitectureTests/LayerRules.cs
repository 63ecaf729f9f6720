using System.Reflection;
using NetArchTest.Rules;

namespace HyperCrm.ArchitectureTests;

/// <summary>The rules as functions that list violations, so the same code checks real modules and the canary.</summary>
public static class LayerRules
{
    /// <summary>Namespaces a Domain layer must never use: persistence, the web, or its own module's outer layers.</summary>
    public static string[] ForbiddenForDomain(string module) =>
    [
        "Microsoft.EntityFrameworkCore",
        "Npgsql",
        "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Mvc",
        "Microsoft.AspNetCore.Builder",
        "Microsoft.AspNetCore.Routing",
        $"HyperCrm.{module}.Application",
        $"HyperCrm.{module}.Data",
        $"HyperCrm.{module}.Web",
    ];

    public static IReadOnlyList<string> DomainViolations(Assembly assembly, string module, string? domainNamespace = null)
    {
        var result = Types.InAssembly(assembly)
            .That().ResideInNamespace(domainNamespace ?? $"HyperCrm.{module}.Domain")
            .ShouldNot().HaveDependencyOnAny(ForbiddenForDomain(module))
            .GetResult();
        return result.IsSuccessful ? [] : result.FailingTypes.Select(t => t.FullName).ToList();
    }

    /// <summary>A module may reference the framework, its own assemblies and other modules' Contracts; nothing else of ours.</summary>
    public static IReadOnlyList<string> ReferenceViolations(Assembly assembly, string module)
    {
        var isContracts = assembly.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal);
        return assembly.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(name => ModuleCatalog.ModuleOf(name) is { } other && !Allowed(name, other))
            .Select(name => $"{assembly.GetName().Name} -> {name}")
            .ToList();

        bool Allowed(string name, string other) =>
            name.EndsWith(".Contracts", StringComparison.Ordinal) || (!isContracts && other == module);
    }

    public static IReadOnlyList<string> ContractsViolations(Assembly contracts)
    {
        var result = Types.InAssembly(contracts)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.AspNetCore.Mvc",
                "Microsoft.AspNetCore.Http")
            .GetResult();
        return result.IsSuccessful ? [] : result.FailingTypes.Select(t => t.FullName).ToList();
    }

    /// <summary>The UI shell draws pages for every module, so it may know the framework and nothing else of ours.</summary>
    public static IReadOnlyList<string> ShellViolations(Assembly shell) =>
        shell.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(name => name.StartsWith(ModuleCatalog.Prefix, StringComparison.Ordinal) && name != "HyperCrm.Framework")
            .Select(name => $"{shell.GetName().Name} -> {name}")
            .ToList();

    /// <summary>Pages and endpoints reach data through app services (ADR 0011), never the module's DbContext.</summary>
    public static IReadOnlyList<string> WebDataViolations(Assembly web, string module)
    {
        var result = Types.InAssembly(web)
            .That().ResideInNamespace($"HyperCrm.{module}.Web")
            .ShouldNot().HaveDependencyOnAny($"HyperCrm.{module}.Data")
            .GetResult();
        return result.IsSuccessful ? [] : result.FailingTypes.Select(t => t.FullName).ToList();
    }
}
