using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace HyperCrm.Integrations.Connectors;

/// <summary>A connector's effective settings (the admin's, else the sandbox default), with the secret decrypted.</summary>
public sealed record ConnectorConfig(string Name, string BaseUrl, string? UserName, string? Secret, int TimeoutSeconds, bool IsConfigured, bool UsesSandboxDefault);

/// <summary>
/// Reads connector settings from the database (cached for a few seconds, so a change takes effect quickly on every
/// instance without a read per call). With the sandbox on, an unconfigured connector talks to its simulator.
/// </summary>
public sealed class ConnectorSettingsProvider(IServiceScopeFactory scopes, IConfiguration configuration, IDataProtectionProvider dataProtection, IServiceProvider services, TimeProvider clock)
    : IDisposable
{
    public const string Purpose = "HyperCrm.Integrations.ConnectorSecret";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<string, ConnectorConfig>? _cache;
    private DateTimeOffset _cachedAt;

    public IDataProtector Protector => dataProtection.CreateProtector(Purpose);

    public async Task<ConnectorConfig> GetAsync(string name, CancellationToken cancellationToken)
    {
        var all = await GetAllAsync(cancellationToken);
        return all.TryGetValue(name, out var config) ? config : throw new InvalidOperationException($"No connector '{name}'.");
    }

    /// <summary>The cached settings, for the timeout generator (which cannot wait); the sandbox default until the first read.</summary>
    public int TimeoutOf(string name) => _cache?.GetValueOrDefault(name)?.TimeoutSeconds ?? 10;

    public void Invalidate() => _cache = null;

    public void Dispose() => _gate.Dispose();

    public async Task<IReadOnlyDictionary<string, ConnectorConfig>> GetAllAsync(CancellationToken cancellationToken)
    {
        if (_cache is { } cached && clock.GetUtcNow() - _cachedAt < CacheFor) return cached;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cache is { } again && clock.GetUtcNow() - _cachedAt < CacheFor) return again;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            var rows = await db.Connectors.AsNoTracking().ToListAsync(cancellationToken);
            var result = new Dictionary<string, ConnectorConfig>(StringComparer.Ordinal);
            foreach (var name in ConnectorNames.All)
            {
                var row = rows.FirstOrDefault(r => r.Name == name);
                result[name] = row is not null
                    ? new ConnectorConfig(name, row.BaseUrl, row.UserName, Unprotect(row.ProtectedSecret), row.TimeoutSeconds, true, false)
                    : Default(name);
            }
            _cache = result;
            _cachedAt = clock.GetUtcNow();
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Unprotect(string? protectedSecret)
    {
        if (protectedSecret is null) return null;
        try
        {
            return Protector.Unprotect(protectedSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private ConnectorConfig Default(string name)
    {
        if (!configuration.GetValue("Sandbox:Enabled", false)) return new ConnectorConfig(name, string.Empty, null, null, 10, false, false);
        var own = OwnAddress();
        var path = name == ConnectorNames.Email ? "mail" : name;
        return name == ConnectorNames.Erp
            ? new ConnectorConfig(name, $"{own}/sandbox/erp", "crm", "erp-demo", 10, true, true)
            : new ConnectorConfig(name, $"{own}/sandbox/{path}", null, null, 10, true, true);
    }

    private string OwnAddress()
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" }) address = address.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        return address.TrimEnd('/');
    }
}

/// <summary>Per connector and per instance: calls, failures, last success and the circuit breaker's state.</summary>
public sealed class ConnectorHealthRegistry
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Entry For(string name) => _entries.GetOrAdd(name, _ => new Entry());

    public ConnectorHealthDto Snapshot(string name)
    {
        var e = For(name);
        lock (e)
        {
            var window = e.Recent.Count;
            var failures = e.Recent.Count(ok => !ok);
            return new ConnectorHealthDto(name, e.LastSuccess, e.LastFailure, e.LastError, e.Calls, e.Failures, window == 0 ? 0 : (double)failures / window,
                e.Circuit.CircuitState.ToString());
        }
    }

    public sealed class Entry
    {
        public CircuitBreakerStateProvider Circuit { get; } = new();
        public Queue<bool> Recent { get; } = new();
        public int Calls { get; set; }
        public int Failures { get; set; }
        public DateTimeOffset? LastSuccess { get; set; }
        public DateTimeOffset? LastFailure { get; set; }
        public string? LastError { get; set; }

        public void Record(bool ok, string? error, DateTimeOffset now)
        {
            lock (this)
            {
                Calls++;
                Recent.Enqueue(ok);
                if (Recent.Count > 100) Recent.Dequeue();
                if (ok)
                {
                    LastSuccess = now;
                }
                else
                {
                    Failures++;
                    LastFailure = now;
                    LastError = error;
                }
            }
        }
    }
}

/// <summary>
/// The innermost handler of every connector client (one per attempt): points the request at the configured base URL,
/// adds the credentials, and records the outcome for the health view. Secrets never reach a log.
/// </summary>
public sealed class ConnectorHandler(string name, ConnectorSettingsProvider settings, ConnectorHealthRegistry health, TimeProvider clock) : DelegatingHandler
{
    public static readonly Uri Placeholder = new("http://connector.invalid/");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var config = await settings.GetAsync(name, cancellationToken);
        if (!config.IsConfigured || !Uri.TryCreate(config.BaseUrl, UriKind.Absolute, out var baseUri))
            throw new HttpRequestException($"The {name} connector is not configured (Settings → Integrations).");
        // A retry sends the same message again: only the placeholder address is rewritten, once.
        if (request.RequestUri is { IsAbsoluteUri: true } uri && uri.Host == Placeholder.Host)
            request.RequestUri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + uri.PathAndQuery);
        else if (request.RequestUri is { IsAbsoluteUri: false } relative)
            request.RequestUri = new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/" + relative.OriginalString.TrimStart('/'));
        if (config.Secret is { Length: > 0 } secret)
        {
            request.Headers.Authorization = config.UserName is { Length: > 0 } user
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{secret}")))
                : new AuthenticationHeaderValue("Bearer", secret);
        }
        var entry = health.For(name);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var ok = (int)response.StatusCode < 500 && (int)response.StatusCode != 429;
            entry.Record(ok, ok ? null : $"HTTP {(int)response.StatusCode}", clock.GetUtcNow());
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            entry.Record(false, ex is OperationCanceledException ? "timed out" : ex.Message, clock.GetUtcNow());
            throw;
        }
    }
}
