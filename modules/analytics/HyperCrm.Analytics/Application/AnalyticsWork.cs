using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Analytics.Application;

/// <summary>
/// Long analytics computations (a year-long map over millions of events, a rebuild of the log) run here, in the background
/// of this instance, each in its own scope, one per key however many people ask for it: a page waits a moment for the
/// result and, when it is not there yet, shows the work's progress and polls it. Finished work is forgotten after a while
/// (its results stay in the cache until the log changes).
/// </summary>
public sealed class AnalyticsWork(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<AnalyticsWork> logger)
{
    private readonly ConcurrentDictionary<string, AnalyticsWorkItem> _items = new(StringComparer.Ordinal);

    /// <summary>How long a page waits for the work before it shows its progress instead.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(1.5);

    /// <summary>The work under <paramref name="key"/>: the one already running or finished, or a new one started now.</summary>
    public AnalyticsWorkItem Start(string key, Func<IServiceProvider, IProgress<AnalyticsWorkProgress>, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Forget();
        return _items.GetOrAdd(key, k =>
        {
            var item = new AnalyticsWorkItem(k);
            item.Run(Task.Run(async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await work(scope.ServiceProvider, item, lifetime.ApplicationStopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Analytics work {Key} failed", k);
                    throw;
                }
            }));
            return item;
        });
    }

    public AnalyticsWorkItem? Find(string key) => _items.GetValueOrDefault(key);

    /// <summary>Drops finished work, so the same key starts afresh.</summary>
    public void Forget(AnalyticsWorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Done) _items.TryRemove(item.Key, out _);
    }

    private void Forget()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-10);
        foreach (var (key, item) in _items)
            if (item.FinishedAt is { } at && at < before) _items.TryRemove(key, out _);
    }
}
