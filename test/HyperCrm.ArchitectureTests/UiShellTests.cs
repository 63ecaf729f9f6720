using System.Xml.Linq;
using HyperCrm.Framework.Modularity;
using HyperCrm.RazorUi;
using Shouldly;
using Xunit;

namespace HyperCrm.ArchitectureTests;

/// <summary>The Razor UI shell (angular-free-razor-ui/HyperCrm.RazorUi) sits between the framework and the modules.</summary>
public sealed class UiShellTests
{
    [Fact]
    public void The_Ui_Shell_Should_Depend_On_The_Framework_Only() =>
        LayerRules.ShellViolations(typeof(RazorUiModule).Assembly).ShouldBeEmpty();

    [Fact]
    public void The_Ui_Shell_Project_Should_Reference_The_Framework_Project_Only()
    {
        var project = Path.Combine(SourceTree.Root, "angular-free-razor-ui", "HyperCrm.RazorUi", "HyperCrm.RazorUi.csproj");

        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(((string)r.Attribute("Include")!).Replace('\\', '/')))
            .ToList();

        references.ShouldBe(["HyperCrm.Framework"]);
    }

    [Fact]
    public void Every_Modules_Web_Layer_Should_Draw_Its_Pages_In_The_Shell()
    {
        var webModules = ModuleCatalog.Modules
            .SelectMany(m => m.Assemblies)
            .Where(a => a.GetName().Name!.EndsWith(".Web", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes().Where(t => typeof(HyperModule).IsAssignableFrom(t) && !t.IsAbstract))
            .ToList();

        webModules.ShouldNotBeEmpty();
        webModules.Where(t => !ModuleLoader.Load(t).Any(m => m.Type == typeof(RazorUiModule))).ShouldBeEmpty();
    }

    [Fact]
    public void Canary_A_Shell_That_Reaches_Into_A_Module_Must_Be_Caught() =>
        LayerRules.ShellViolations(typeof(UiShellTests).Assembly).ShouldContain("HyperCrm.ArchitectureTests -> HyperCrm.Identity");
}
