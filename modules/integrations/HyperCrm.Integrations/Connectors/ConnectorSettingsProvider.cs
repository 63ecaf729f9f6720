using HyperCrm.Integrations.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Integrations.Connectors;

/// <summary>
/// Reads connector settings: the deployment's configuration first (<c>Connectors__{name}__BaseUrl</c>, <c>__UserName</c>,
/// <c>__Secret</c>, <c>__TimeoutSeconds</c>: environment variables or appsettings, so a deployment or the fault suite points
/// a connector without clicking), else the database (cached for a few seconds, so a change takes effect quickly on every
/// instance without a read per call). With the sandbox on, an unconfigured connector talks to its simulator.
/// </summary>
public sealed class ConnectorSettingsProvider(IServiceScopeFactory scopes, IConfiguration configuration,
    IDataProtectionProvider dataProtection, IServiceProvider services, TimeProvider clock)
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
                result[name] = FromConfiguration(name) ?? (row is not null
                    ? new ConnectorConfig(name, row.BaseUrl, row.UserName, Unprotect(row.ProtectedSecret), row.TimeoutSeconds, true, false)
                    : Default(name));
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

    /// <summary>The configuration section of a connector's settings.</summary>
    public static string Section(string name) => $"Connectors:{name}";

    /// <summary>The connector as the deployment configured it; null when its base URL is not configured.</summary>
    public ConnectorConfig? FromConfiguration(string name)
    {
        var section = configuration.GetSection(Section(name));
        if (section["BaseUrl"] is not { Length: > 0 } baseUrl) return null;
        var timeout = int.TryParse(section["TimeoutSeconds"], System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 120 ? seconds : 10;
        return new ConnectorConfig(name, baseUrl.TrimEnd('/'), section["UserName"] is { Length: > 0 } user ? user : null,
            section["Secret"] is { Length: > 0 } secret ? secret : null, timeout, true, false, FromConfiguration: true);
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

    private string OwnAddress() => HyperCrm.Framework.Net.OwnAddress.Of(services);
}
