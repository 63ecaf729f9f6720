using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace HyperCrm.Chaos;

/// <summary>
/// Partners placing orders through the public API, each retrying an order with the same Idempotency-Key until it has an
/// answer (a connection refused, a 5xx, a 409 "in flight" or a 429 are all retried after a short pause). An order counts as
/// placed when the API answers 201 (or replays it), or 409 naming it as already there. With <paramref name="outOfStockEvery"/>
/// set, every so many orders asks for goods only the supplier has (OOS-001…OOS-003): those wait while the supplier bot buys
/// them in the portal.
/// </summary>
public sealed class OrderClients(string baseUrl, string apiKey, string scenario, int clients, int orders, int outOfStockEvery = 0)
{
    private readonly ConcurrentDictionary<string, Guid> _placed = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _gaveUp = [];
    private int _started;

    /// <summary>The external ids placed, with the order id the API gave.</summary>
    public IReadOnlyDictionary<string, Guid> Placed => _placed;

    public IReadOnlyCollection<string> GaveUp => _gaveUp;

    /// <summary>Orders started so far (the fault comes when a third are).</summary>
    public int Started => _started;

    /// <summary>When the first attempt begun after <see cref="RecoveryFrom"/> (the fault in place) got its answer.</summary>
    public DateTimeOffset? RecoveredAt { get; private set; }

    public DateTimeOffset? RecoveryFrom { get; set; }

    public Task RunAsync(TimeSpan giveUpAfter) => Task.WhenAll(Enumerable.Range(0, clients).Select(c => ClientAsync(c, giveUpAfter)));

    private async Task ClientAsync(int client, TimeSpan giveUpAfter)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        for (var i = client; i < orders; i += clients)
        {
            Interlocked.Increment(ref _started);
            var externalId = $"chaos-{scenario}-{i:000}";
            var body = JsonSerializer.Serialize(new
            {
                externalId, currency = "RUB",
                customer = new
                {
                    email = $"chaos{client}@{scenario}.example", phone = "+7916" + (1000000 + client), name = $"Клиент {client}",
                },
                shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1", postalCode = "125009" },
                paymentMethod = "card", lines = new[] { new { sku = Sku(i), quantity = 1, unitPrice = 990m } },
            });
            var key = $"{scenario}-{i}-{Guid.NewGuid():N}";
            var deadline = DateTime.UtcNow + giveUpAfter;
            while (true)
            {
                var attempt = DateTimeOffset.UtcNow;
                var id = await TryPlaceAsync(http, body, key, externalId);
                if (id is { } placed)
                {
                    _placed[externalId] = placed;
                    // Recovered: an attempt begun after the fault was in place got its answer.
                    if (RecoveryFrom is { } from && RecoveredAt is null && attempt > from) RecoveredAt = DateTimeOffset.UtcNow;
                    break;
                }
                if (DateTime.UtcNow > deadline)
                {
                    _gaveUp.Add(externalId);
                    break;
                }
                await Task.Delay(500);
            }
            await Task.Delay(100);
        }
    }

    private static async Task<Guid?> TryPlaceAsync(HttpClient http, string body, string key, string externalId)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created) return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
            // The first attempt got through but its answer was lost: the order is there, under this external id.
            if (response.StatusCode == HttpStatusCode.Conflict && text.Contains("Sales:DuplicateExternalId", StringComparison.Ordinal))
                return await FindAsync(http, externalId);
            return null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    public static async Task<Guid?> FindAsync(HttpClient http, string externalId)
    {
        var page = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/orders?externalId={Uri.EscapeDataString(externalId)}"));
        var items = page.RootElement.GetProperty("items");
        return items.GetArrayLength() == 0 ? null : items[0].GetProperty("id").GetGuid();
    }

    private string Sku(int order) => outOfStockEvery > 0 && order % outOfStockEvery == outOfStockEvery - 1
        ? $"OOS-{1 + order / outOfStockEvery % 3:000}"
        : $"SKU-{1 + (order % 50):000}";
}
