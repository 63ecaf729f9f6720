using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace HyperCrm.Chaos;

/// <summary>
/// A partner's webhook endpoint on loopback: keeps the order id of every <c>order.completed</c> it accepted (by webhook id,
/// so a redelivery counts once), and answers 503 while it is <see cref="Down"/>.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Guid> _completed = new(StringComparer.Ordinal);

    public WebhookReceiver(int port)
    {
        Url = $"http://127.0.0.1:{port}/hooks/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }

    public bool Down { get; set; }

    private int _refused;

    /// <summary>Deliveries refused while down.</summary>
    public int Refused => _refused;

    public IReadOnlySet<Guid> CompletedOrders => _completed.Values.ToHashSet();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            if (Down)
            {
                Interlocked.Increment(ref _refused);
                context.Response.StatusCode = 503;
                context.Response.Close();
                continue;
            }
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.GetProperty("type").GetString() == "order.completed")
                    _completed[context.Request.Headers["webhook-id"] ?? Guid.NewGuid().ToString()] =
                        json.RootElement.GetProperty("data").GetProperty("order").GetProperty("id").GetGuid();
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // Not an order event: accepted and ignored.
            }
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
