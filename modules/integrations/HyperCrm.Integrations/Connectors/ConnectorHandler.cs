using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using HyperCrm.Framework.Diagnostics;
using HyperCrm.Framework.Operations;

namespace HyperCrm.Integrations.Connectors;

/// <summary>
/// The innermost handler of every connector client (one per attempt): points the request at the configured base URL,
/// adds the credentials, and records the outcome for the health view. Secrets never reach a log.
/// </summary>
public sealed class ConnectorHandler(string name, ConnectorSettingsProvider settings, ConnectorHealthRegistry health,
    WorkPauses pauses, TimeProvider clock) : DelegatingHandler
{
    public static readonly Uri Placeholder = new("http://connector.invalid/");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Paused by an operator: nothing goes out, and a run's step waits and tries again after the resume.
        if (await pauses.IsPausedAsync(WorkKinds.Connector, name, cancellationToken)) throw new WorkPausedException(WorkKinds.Connector,
            name);
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
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var ok = (int)response.StatusCode < 500 && (int)response.StatusCode != 429;
            entry.Record(ok, ok ? null : $"HTTP {(int)response.StatusCode}", clock.GetUtcNow());
            Measure(ok ? "ok" : "failed", started);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            entry.Record(false, ex is OperationCanceledException ? "timed out" : ex.Message, clock.GetUtcNow());
            Measure(ex is OperationCanceledException ? "timed_out" : "failed", started);
            throw;
        }
    }

    private void Measure(string outcome, long started)
    {
        var connector = new KeyValuePair<string, object?>("connector", name);
        var result = new KeyValuePair<string, object?>("outcome", outcome);
        HyperTelemetry.ConnectorCalls.Add(1, connector, result);
        HyperTelemetry.ConnectorCallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, connector, result);
    }
}
