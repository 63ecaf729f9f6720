using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Operations;

/// <summary>
/// Which rules, bots, connectors and event consumers an operator paused (platform.paused_work), shared by every instance.
/// Workers ask before they take work; the answer is read at most every <see cref="Freshness"/> and only when asked, so an
/// idle app costs nothing, and a pause or resume on another instance is seen within that time.
/// </summary>
public sealed class WorkPauses(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<bool> IsPausedAsync(string kind, string key, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Keys.Contains((kind, key));

    /// <summary>The keys of every paused piece of work of one kind.</summary>
    public async Task<IReadOnlyCollection<string>> PausedAsync(string kind, CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Rows.Where(r => r.Kind == kind).Select(r => r.Key).ToList();

    public async Task<IReadOnlyList<PausedWork>> ListAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken)).Rows;

    /// <summary>Pauses; pausing what is paused already keeps the first pause. True when it was running.</summary>
    public async Task<bool> PauseAsync(string kind, string key, string by, string? reason, CancellationToken cancellationToken = default)
    {
        Validate(kind, key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var trimmed = reason is { Length: > PausedWork.MaxReasonLength } ? reason[..PausedWork.MaxReasonLength] : reason;
        var added = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO platform.paused_work (kind, key, paused_at, paused_by, reason)
            VALUES ({kind}, {key}, {clock.GetUtcNow()}, {by}, {trimmed}) ON CONFLICT DO NOTHING
            """, cancellationToken);
        _snapshot = null;
        return added == 1;
    }

    /// <summary>Resumes; true when it was paused.</summary>
    public async Task<bool> ResumeAsync(string kind, string key, CancellationToken cancellationToken = default)
    {
        Validate(kind, key);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var removed = await db.PausedWork.Where(p => p.Kind == kind && p.Key == key).ExecuteDeleteAsync(cancellationToken);
        _snapshot = null;
        return removed == 1;
    }

    private static void Validate(string kind, string key)
    {
        if (!WorkKinds.All.Contains(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind,
            "Not a kind of work that can be paused.");
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, PausedWork.MaxKeyLength, nameof(key));
    }

    private async Task<Snapshot> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < Freshness) return snapshot;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < Freshness) return snapshot;
            await using var scope = scopes.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().PausedWork.AsNoTracking()
                .OrderBy(p => p.Kind).ThenBy(p => p.Key).ToListAsync(cancellationToken);
            snapshot = new Snapshot(clock.GetUtcNow(), rows, rows.Select(r => (r.Kind, r.Key)).ToHashSet());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private sealed record Snapshot(DateTimeOffset LoadedAt, IReadOnlyList<PausedWork> Rows, HashSet<(string Kind, string Key)> Keys);
}
