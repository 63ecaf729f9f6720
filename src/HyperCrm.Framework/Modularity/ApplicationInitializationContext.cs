using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace HyperCrm.Framework.Modularity;

public sealed class ApplicationInitializationContext(IServiceProvider serviceProvider, IApplicationBuilder? app)
{
    public IServiceProvider ServiceProvider { get; } = serviceProvider;

    /// <summary>The web pipeline; null when modules are hosted without a web server (tests, workers).</summary>
    public IApplicationBuilder? App { get; } = app;

    public IEndpointRouteBuilder? Endpoints => App as IEndpointRouteBuilder;
}
