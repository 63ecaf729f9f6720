using System.Xml.Linq;
using HyperCrm.Framework.Modularity;
using Shouldly;
using Xunit;

namespace HyperCrm.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    public static IEnumerable<object[]> Modules => ModuleCatalog.ModuleNames();

    [Fact]
    public void The_Catalog_Should_Find_Every_Module_Folder()
    {
        var folders = Directory.GetDirectories(Path.Combine(SourceTree.Root, "modules")).Select(Path.GetFileName).ToList();

        folders.ShouldNotBeEmpty();
        ModuleCatalog.Modules.Select(m => m.Name.ToLowerInvariant()).ShouldBe(folders.Select(f => f!.ToLowerInvariant()),
            ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_Module_Should_Reference_Only_Other_Modules_Contracts(string module)
    {
        var violations = ModuleCatalog.Get(module).Assemblies.SelectMany(a => LayerRules.ReferenceViolations(a, module)).ToList();

        violations.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_Modules_Project_Files_Should_Reference_Only_Contracts_Of_Other_Modules(string module)
    {
        var folder = Path.Combine(SourceTree.Root, "modules", module.ToLowerInvariant());
        var violations = new List<string>();
        foreach (var project in Directory.GetFiles(folder, "*.csproj", SearchOption.AllDirectories))
        {
            var isContracts = project.EndsWith(".Contracts.csproj", StringComparison.Ordinal);
            foreach (var include in XDocument.Load(project).Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")!))
            {
                var referenced = Path.GetFileNameWithoutExtension(include.Replace('\\', '/'));
                var other = ModuleCatalog.ModuleOf(referenced);
                if (other is null) continue;
                var allowed = referenced.EndsWith(".Contracts", StringComparison.Ordinal) || (!isContracts && other == module);
                if (!allowed) violations.Add($"{Path.GetFileName(project)} -> {referenced}");
            }
        }

        violations.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_Domain_Layer_Should_Not_Depend_On_Persistence_Web_Or_Outer_Layers(string module) =>
        LayerRules.DomainViolations(ModuleCatalog.Get(module).Core, module).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Modules))]
    public void Pages_And_Endpoints_Should_Not_Query_The_Modules_DbContext(string module) =>
        ModuleCatalog.Get(module).Assemblies
            .Where(a => a.GetName().Name!.EndsWith(".Web", StringComparison.Ordinal))
            .SelectMany(a => LayerRules.WebDataViolations(a, module))
            .ShouldBeEmpty();

    [Fact]
    public void Canary_A_Page_Querying_A_DbContext_Must_Be_Caught() =>
        LayerRules.WebDataViolations(typeof(ModuleBoundaryTests).Assembly, "Canary").ShouldBe(["HyperCrm.Canary.Web.PeekingPage"]);

    [Theory]
    [MemberData(nameof(Modules))]
    public void Contracts_Should_Hold_No_Persistence_Or_Web_Types(string module) =>
        LayerRules.ContractsViolations(ModuleCatalog.Get(module).Contracts).ShouldBeEmpty();

    [Theory]
    [MemberData(nameof(Modules))]
    public void Every_Module_Assembly_Should_Have_Exactly_One_Module_Class(string module)
    {
        foreach (var assembly in ModuleCatalog.Get(module).Assemblies)
        {
            assembly.GetTypes().Count(t => typeof(HyperModule).IsAssignableFrom(t) && !t.IsAbstract)
                .ShouldBe(1, $"{assembly.GetName().Name} should declare one module class");
        }
    }

    [Fact]
    public void Canary_A_Domain_Type_Using_EF_Core_Must_Be_Caught()
    {
        var violations = LayerRules.DomainViolations(typeof(ModuleBoundaryTests).Assembly, "Canary", "HyperCrm.Canary.Domain");

        violations.ShouldBe(["HyperCrm.Canary.Domain.LeakyOrder"]);
    }

    [Fact]
    public void Canary_A_Reference_To_Another_Modules_Internals_Must_Be_Caught()
    {
        var violations = LayerRules.ReferenceViolations(typeof(ModuleBoundaryTests).Assembly, "Canary");

        violations.ShouldContain("HyperCrm.ArchitectureTests -> HyperCrm.Identity");
    }
}
