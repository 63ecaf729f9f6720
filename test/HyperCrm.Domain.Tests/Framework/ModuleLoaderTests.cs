using HyperCrm.Framework.Modularity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Framework;

public sealed class ModuleLoaderTests
{
    [Fact]
    public void Load_Should_Order_Every_Module_After_Its_Dependencies()
    {
        var order = ModuleLoader.Load(typeof(AppModule)).Select(m => m.Type).ToList();

        order.ShouldBe([typeof(CoreModule), typeof(ContractsModule), typeof(SalesModule), typeof(CustomersModule), typeof(AppModule)]);
    }

    [Fact]
    public void Load_Should_Name_The_Cycle_When_Modules_Depend_On_Each_Other()
    {
        var error = Should.Throw<HyperModuleException>(() => ModuleLoader.Load(typeof(CycleA)));

        error.Message.ShouldBe("Circular module dependency: CycleA -> CycleB -> CycleC -> CycleA.");
    }

    [Fact]
    public void Load_Should_Fail_Clearly_When_A_Dependency_Is_Not_A_Module()
    {
        var error = Should.Throw<HyperModuleException>(() => ModuleLoader.Load(typeof(BrokenModule)));

        error.Message.ShouldContain("required by BrokenModule is missing");
        error.Message.ShouldContain(nameof(NotAModule));
    }

    [Fact]
    public void Configure_Passes_Should_Run_In_Order_Across_All_Modules()
    {
        Journal.Entries.Clear();
        new ServiceCollection().AddHyperModules<AppModule>(new ConfigurationBuilder().Build(),
            new HostingEnvironment { EnvironmentName = "Testing" });

        Journal.Entries.ShouldBe([
            "pre:Core", "pre:Sales", "pre:App",
            "configure:Core", "configure:Sales", "configure:App",
            "post:Core", "post:Sales", "post:App",
        ]);
    }

    [Fact]
    public void DescribeTree_Should_Show_Each_Module_Once_With_Repeats_Marked()
    {
        var tree = ModuleLoader.DescribeTree(typeof(AppModule));

        tree.ShouldContain("- AppModule");
        tree.ShouldContain("    - CoreModule");
        tree.ShouldContain("(see above)");
    }

    private static class Journal
    {
        public static List<string> Entries { get; } = [];
    }

    private abstract class JournaledModule(string name) : HyperModule
    {
        public override void PreConfigureServices(ServiceConfigurationContext context) => Journal.Entries.Add("pre:" + name);
        public override void ConfigureServices(ServiceConfigurationContext context) => Journal.Entries.Add("configure:" + name);
        public override void PostConfigureServices(ServiceConfigurationContext context) => Journal.Entries.Add("post:" + name);
    }

    private sealed class CoreModule() : JournaledModule("Core");

    private sealed class ContractsModule : HyperModule;

    [DependsOn(typeof(CoreModule), typeof(ContractsModule))]
    private sealed class SalesModule() : JournaledModule("Sales");

    [DependsOn(typeof(ContractsModule), typeof(CoreModule))]
    private sealed class CustomersModule : HyperModule;

    [DependsOn(typeof(SalesModule), typeof(CustomersModule), typeof(CoreModule))]
    private sealed class AppModule() : JournaledModule("App");

    [DependsOn(typeof(CycleB))]
    private sealed class CycleA : HyperModule;

    [DependsOn(typeof(CycleC))]
    private sealed class CycleB : HyperModule;

    [DependsOn(typeof(CycleA))]
    private sealed class CycleC : HyperModule;

    private sealed class NotAModule;

    [DependsOn(typeof(CoreModule), typeof(NotAModule))]
    private sealed class BrokenModule : HyperModule;
}
