using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Modularity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperCrm.TestBase;

/// <summary>
/// Hosts a module graph the way the app does (AddHyperModules, hosted services, outbox dispatcher, scheduler) but
/// without a web server. Several hosts on one database play several app instances.
/// </summary>
public sealed class ModuleTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ModuleTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static async Task<ModuleTestHost> StartAsync<TModule>(
        string connectionString,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
        where TModule : HyperModule
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing",
            DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole();
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["Outbox:PollInterval"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddHyperModules<TModule>();
        builder.Services.AddScoped<IDatabaseSchemaChecker, MigratedTemplateSchemaChecker>();
        configureServices?.Invoke(builder.Services);
        var host = builder.Build();
        host.Services.InitializeHyperModules();
        await host.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.Services.GetRequiredService<DatabaseReadiness>().WaitUntilReadyAsync(timeout.Token);
        return new ModuleTestHost(host);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>Stops the host as a crash would look to the database: nothing more is dispatched from it.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }

    /// <summary>Test databases are copies of a fully migrated template, so nothing is ever pending.</summary>
    private sealed class MigratedTemplateSchemaChecker : IDatabaseSchemaChecker
    {
        public Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([]);
    }
}
