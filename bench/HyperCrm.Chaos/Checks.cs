using System.Text.Json;

namespace HyperCrm.Chaos;

/// <summary>
/// What the suite checks once the system has recovered, through the public API and the simulators' ledgers only: every
/// placed order exists once and reached <c>completed</c>, each side effect in the outside world happened once, and the
/// partner's receiver got every order's <c>order.completed</c>.
/// </summary>
public sealed class Checks(HttpClient api, HttpClient sandbox)
{
    /// <summary>Operations that must happen at most once per order.</summary>
    private static readonly (string Service, string Operation)[] OncePerOrder =
    [
        ("erp", "customer_order.create"), ("erp", "stock.reserve"), ("erp", "sale.post"), ("wms", "pick_task.create"),
        ("courier", "shipment.create"),
    ];

    /// <summary>Every order of the partner with its external id and status (all pages).</summary>
    public async Task<List<(Guid Id, string ExternalId, string Status)>> OrdersAsync()
    {
        var all = new List<(Guid, string, string)>();
        string? cursor = null;
        do
        {
            var page = JsonDocument.Parse(await api.GetStringAsync("/api/v1/orders?limit=200" + (cursor is null ? string.Empty
                : "&cursor=" + Uri.EscapeDataString(cursor))));
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
                all.Add((item.GetProperty("id").GetGuid(), item.GetProperty("externalId").GetString() ?? string.Empty,
                    item.GetProperty("status").GetString() ?? string.Empty));
            cursor = page.RootElement.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String
                ? next.GetString() : null;
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>Side effects that happened more than once for the given orders (or customers of the scenario).</summary>
    public async Task<List<string>> DuplicatesAsync(IReadOnlySet<Guid> orders, string scenario)
    {
        var duplicates = new List<string>();
        var references = orders.Select(o => o.ToString()).ToHashSet(StringComparer.Ordinal);
        foreach (var service in new[] { "erp", "wms", "courier", "sms", "mail", "supplier" })
        {
            using var ledger = JsonDocument.Parse(await sandbox.GetStringAsync($"/sandbox/{service}/ledger"));
            var entries = ledger.RootElement.EnumerateArray().Select(e => (
                Operation: e.GetProperty("operation").GetString() ?? string.Empty,
                Reference: e.TryGetProperty("reference", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty,
                Payload: e.TryGetProperty("payload", out var p) ? p.GetRawText() : string.Empty)).ToList();
            foreach (var (s, operation) in OncePerOrder.Where(o => o.Service == service))
            {
                duplicates.AddRange(entries.Where(e => e.Operation == operation && references.Contains(e.Reference))
                    .GroupBy(e => e.Reference).Where(g => g.Count() > 1).Select(g => $"{s} {operation} ×{g.Count()} for {g.Key}"));
            }
            // A message may be sent several times per order (shipped, delivered), but never the same text twice.
            duplicates.AddRange(entries.Where(e => e.Operation == "message.send" && references.Contains(e.Reference))
                .GroupBy(e => (e.Reference, Text(e.Payload))).Where(g => g.Count() > 1)
                .Select(g => $"{service} message ×{g.Count()} for {g.Key.Reference}"));
            // One purchase order per supplier-bot job line (its reference), however often the job was taken up again.
            duplicates.AddRange(entries.Where(e => e.Operation == "purchase_order.create" && e.Reference.Length > 0)
                .GroupBy(e => e.Reference).Where(g => g.Count() > 1).Select(g => $"supplier purchase order ×{g.Count()} for {g.Key}"));
            // One counterparty per customer of the scenario.
            duplicates.AddRange(entries.Where(e => e.Operation == "counterparty.create" && e.Payload.Contains($"@{scenario}.example",
                StringComparison.Ordinal)).GroupBy(e => Text(e.Payload, "Email")).Where(g => g.Count() > 1)
                .Select(g => $"erp counterparty ×{g.Count()} for {g.Key}"));
        }
        return duplicates;
    }

    private static string Text(string payload, string property = "text")
    {
        if (payload.Length == 0) return string.Empty;
        using var json = JsonDocument.Parse(payload);
        foreach (var p in json.RootElement.EnumerateObject())
        {
            if (string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase)) return p.Value.ToString();
        }
        return string.Empty;
    }
}
