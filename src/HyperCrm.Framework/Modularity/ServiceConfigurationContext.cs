using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HyperCrm.Framework.Modularity;

public sealed class ServiceConfigurationContext(
    IServiceCollection services,
    IConfiguration configuration,
    IHostEnvironment environment,
    IReadOnlyList<ModuleDescriptor> modules)
{
    public IServiceCollection Services { get; } = services;
    public IConfiguration Configuration { get; } = configuration;
    public IHostEnvironment Environment { get; } = environment;
    public IReadOnlyList<ModuleDescriptor> Modules { get; } = modules;

    /// <summary>Per-load bag so modules can share builders (e.g. the MVC builder) between passes.</summary>
    public IDictionary<string, object> Items { get; } = new Dictionary<string, object>();
}
