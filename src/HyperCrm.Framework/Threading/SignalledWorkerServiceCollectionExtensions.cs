using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Threading;

public static class SignalledWorkerServiceCollectionExtensions
{
    /// <summary>Registers a worker as a singleton and a hosted service, joined to its peers on the other instances.</summary>
    public static IServiceCollection AddSignalledWorker<TWorker>(this IServiceCollection services) where TWorker : SignalledWorker
    {
        services.AddSingleton(sp =>
        {
            var worker = ActivatorUtilities.CreateInstance<TWorker>(sp);
            worker.Peers = sp.GetRequiredService<ClusterWakeups>();
            return worker;
        });
        services.AddHostedService(sp => sp.GetRequiredService<TWorker>());
        return services;
    }
}
