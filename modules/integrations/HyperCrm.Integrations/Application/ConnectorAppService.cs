using System.Diagnostics;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Application;

public sealed class ConnectorAppService(
    IntegrationsDbContext db,
    ConnectorSettingsProvider settings,
    ConnectorHealthRegistry health,
    IErpApi erp,
    IWmsApi wms,
    ICourierApi courier,
    ISmsApi sms,
    IEmailApi email,
    IPaymentApi payments,
    ErpStockReader stock,
    ICurrentUser currentUser,
    ISecurityAuditLogger audit,
    WorkPauses pauses,
    TimeProvider clock) : IConnectorAppService
{
    public async Task<IReadOnlyList<ConnectorDto>> GetListAsync(CancellationToken cancellationToken = default)
    {
        settings.Invalidate();
        var all = await settings.GetAllAsync(cancellationToken);
        return ConnectorNames.All.Select(n => ToDto(all[n])).ToList();
    }

    public async Task<ConnectorDto> GetAsync(string name, CancellationToken cancellationToken = default) =>
        ToDto(await settings.GetAsync(Known(name), cancellationToken));

    public async Task<ConnectorDto> UpdateAsync(string name, UpdateConnectorDto input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        name = Known(name);
        if (settings.FromConfiguration(name) is not null)
            throw new BusinessException("Integrations:ConnectorFromConfiguration",
                $"This connector is set by the deployment's configuration (Connectors__{name}__BaseUrl and the rest); change it there.")
            {
                Arguments = [name],
            };
        if (!Uri.TryCreate(input.BaseUrl, UriKind.Absolute,
            out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new BusinessException("Integrations:BadUrl", "The base URL must be an absolute http or https URL.");
        var row = await db.Connectors.FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (row is null)
        {
            row = new ConnectorSetting(Guid.CreateVersion7(), name);
            db.Connectors.Add(row);
        }
        var secret = string.IsNullOrEmpty(input.Secret) ? null
            : Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(settings.Protector, input.Secret);
        row.Update(input.BaseUrl, input.UserName, secret, input.TimeoutSeconds, currentUser.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        settings.Invalidate();
        // Who pointed a connector where, and whether its secret changed (never the secret itself).
        await audit.LogAsync("connector.updated", true, name,
            $"{row.BaseUrl}; timeout {row.TimeoutSeconds} s{(secret is null ? string.Empty : "; secret replaced")}", cancellationToken);
        return await GetAsync(name, cancellationToken);
    }

    public IReadOnlyList<ConnectorHealthDto> GetHealth() => ConnectorNames.All.Select(health.Snapshot).ToList();

    public async Task<IReadOnlyList<ConnectorHealthDto>> GetSharedHealthAsync(TimeSpan window,
        CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow() - window;
        var rows = await db.ConnectorHealth.AsNoTracking().Where(h => h.UpdatedAt >= since).ToListAsync(cancellationToken);
        var paused = (await pauses.PausedAsync(WorkKinds.Connector, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return ConnectorNames.All.Select(name =>
        {
            var mine = rows.Where(r => r.Connector == name).ToList();
            var recent = mine.Sum(r => r.RecentCalls);
            var worst = mine.Select(r => r.CircuitState).OrderBy(CircuitRank).LastOrDefault() ?? "Closed";
            var lastFailure = mine.Where(r => r.LastFailure is not null).MaxBy(r => r.LastFailure);
            return new ConnectorHealthDto(name, mine.Max(r => r.LastSuccess), lastFailure?.LastFailure, lastFailure?.LastError,
                (int)Math.Min(int.MaxValue, mine.Sum(r => r.Calls)), (int)Math.Min(int.MaxValue, mine.Sum(r => r.Failures)),
                recent == 0 ? 0 : (double)mine.Sum(r => r.RecentFailures) / recent, worst)
            {
                RecentCalls = recent,
                Instances = [.. mine.Select(r => r.InstanceName).Distinct(StringComparer.Ordinal)],
                OpenOn = [.. mine.Where(r => r.CircuitState != "Closed").Select(r => r.InstanceName).Distinct(StringComparer.Ordinal)],
                Paused = paused.Contains(name),
            };
        }).ToList();
    }

    private static int CircuitRank(string state) => state switch { "Closed" => 0, "HalfOpen" => 1, "Isolated" => 2, _ => 3 };

    public async Task<ConnectionTestDto> TestAsync(string name, CancellationToken cancellationToken = default)
    {
        name = Known(name);
        var watch = Stopwatch.StartNew();
        try
        {
            var message = name switch
            {
                ConnectorNames.Erp => $"{(await erp.GetStockAsync(cancellationToken)).Value?.Count ?? 0} stock lines read",
                ConnectorNames.Wms => (await wms.PingAsync(cancellationToken)).Status ?? "ok",
                ConnectorNames.Courier => (await courier.PingAsync(cancellationToken)).Status ?? "ok",
                ConnectorNames.Sms => (await sms.PingAsync(cancellationToken)).Status ?? "ok",
                ConnectorNames.Payments => (await payments.PingAsync(cancellationToken)).Status ?? "ok",
                _ => (await email.PingAsync(cancellationToken)).Status ?? "ok",
            };
            return new ConnectionTestDto(true, message, watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or Refit.ApiException or TimeoutException or OperationCanceledException
                                   or Polly.CircuitBreaker.BrokenCircuitException
                                   or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            return new ConnectionTestDto(false, ex is Refit.ApiException api ? $"HTTP {(int)api.StatusCode}" : ex.Message,
                watch.ElapsedMilliseconds);
        }
    }

    public async Task<string> SyncStockAsync(CancellationToken cancellationToken = default)
    {
        var (levels, result) = await stock.SyncAsync(cancellationToken);
        return $"{levels.Count} SKUs read from the ERP: {result.Updated} updated, {result.Created} new, {result.Unchanged} unchanged";
    }

    private static string Known(string name) =>
        ConnectorNames.All.FirstOrDefault(n => n == name) ?? throw new BusinessException("Integrations:UnknownConnector",
            $"There is no connector '{name}'.");

    private static ConnectorDto ToDto(ConnectorConfig c) =>
        new(c.Name, c.BaseUrl, c.UserName, c.Secret is { Length: > 0 }, c.TimeoutSeconds, c.IsConfigured, c.UsesSandboxDefault,
            c.FromConfiguration);
}
