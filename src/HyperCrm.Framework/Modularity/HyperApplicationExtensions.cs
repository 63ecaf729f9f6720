using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Framework.Modularity;

public static class HyperApplicationExtensions
{
    /// <summary>Loads the module graph of <typeparamref name="TStartupModule"/> and runs the three configure passes.</summary>
    public static IReadOnlyList<ModuleDescriptor> AddHyperModules<TStartupModule>(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
        where TStartupModule : HyperModule
    {
        var modules = ModuleLoader.Load(typeof(TStartupModule));
        var context = new ServiceConfigurationContext(services, configuration, environment, modules);
        services.AddSingleton(new LoadedModules(typeof(TStartupModule), modules));
        foreach (var module in modules) module.Instance.PreConfigureServices(context);
        foreach (var module in modules) module.Instance.ConfigureServices(context);
        foreach (var module in modules) module.Instance.PostConfigureServices(context);
        return modules;
    }

    public static IReadOnlyList<ModuleDescriptor> AddHyperModules<TStartupModule>(this WebApplicationBuilder builder)
        where TStartupModule : HyperModule =>
        builder.Services.AddHyperModules<TStartupModule>(builder.Configuration, builder.Environment);

    public static IReadOnlyList<ModuleDescriptor> AddHyperModules<TStartupModule>(this HostApplicationBuilder builder)
        where TStartupModule : HyperModule =>
        builder.Services.AddHyperModules<TStartupModule>(builder.Configuration, builder.Environment);

    /// <summary>Runs the initialization passes of every module, in dependency order, on the web pipeline.</summary>
    public static void UseHyperModules(this WebApplication app) => InitializeHyperModules(app.Services, app);

    public static void InitializeHyperModules(this IServiceProvider services, IApplicationBuilder? app = null)
    {
        var loaded = services.GetRequiredService<LoadedModules>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("HyperCrm.Modules");
        logger.LogInformation("Loaded {ModuleCount} modules:{NewLine}{ModuleTree}",
            loaded.Modules.Count, Environment.NewLine, ModuleLoader.DescribeTree(loaded.StartupModuleType));
        var context = new ApplicationInitializationContext(services, app);
        foreach (var module in loaded.Modules) module.Instance.OnPreApplicationInitialization(context);
        foreach (var module in loaded.Modules) module.Instance.OnApplicationInitialization(context);
        foreach (var module in loaded.Modules) module.Instance.OnPostApplicationInitialization(context);
    }
}
