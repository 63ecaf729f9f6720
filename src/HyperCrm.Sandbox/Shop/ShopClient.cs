using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HyperCrm.Sandbox;

/// <summary>The shop's side of the signed order webhook (docs/api.md, "Webhooks").</summary>
public sealed class ShopClient(IHttpClientFactory clients, SandboxWorld world, CrmAddress crm, IOptionsMonitor<SandboxOptions> options,
    WebhookSigner signer)
{
    public sealed record PlaceResult(bool Ok, int Status, string ExternalId, string? CrmOrderId, string? Detail);

    public static Dictionary<string, object?> Order(string name, string email, string phone, string city, string line1,
        IReadOnlyList<(string Sku, int Quantity)> lines)
    {
        decimal Price(string sku) => sku.StartsWith("OOS-", StringComparison.Ordinal) ? 990m + (int.Parse(sku[4..],
            CultureInfo.InvariantCulture) * 100)
            : int.TryParse(sku.AsSpan(4), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? 490m + (n * 100) : 1000m;
        return new Dictionary<string, object?>
        {
            ["externalId"] = $"shop-{Guid.NewGuid().ToString("N")[..12]}",
            ["currency"] = "RUB",
            ["customer"] = new Dictionary<string, object?> { ["name"] = name, ["email"] = email.Length == 0 ? null : email,
                ["phone"] = phone.Length == 0 ? null : phone },
            ["shippingAddress"] = new Dictionary<string, object?> { ["country"] = "RU", ["city"] = city, ["line1"] = line1,
                ["postalCode"] = "125009" },
            ["paymentMethod"] = "card",
            ["lines"] = lines.Select(l => new Dictionary<string, object?> { ["sku"] = l.Sku, ["quantity"] = l.Quantity,
                ["unitPrice"] = Price(l.Sku) }).ToList(),
        };
    }

    public async Task<PlaceResult> PlaceAsync(Dictionary<string, object?> order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var source = options.CurrentValue.Shop.Source;
        var body = JsonSerializer.Serialize(new { type = "order.created", timestamp = world.Clock.GetUtcNow(), data = order },
            SandboxJson.Options);
        var externalId = (string)order["externalId"]!;
        var webhookId = "msg_" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, crm.Url($"/hooks/shop/{Uri.EscapeDataString(source)}/orders"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        signer.Sign(request, signer.ShopSecret(), webhookId, body);
        using var response = await clients.CreateClient("sandbox").SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? crmOrderId = null;
        string? detail = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (json.RootElement.TryGetProperty("id", out var id)) crmOrderId = id.ToString();
                if (json.RootElement.TryGetProperty("detail", out var d)) detail = d.ToString();
            }
        }
        catch (JsonException)
        {
            detail = text.Length > 300 ? text[..300] : text;
        }
        if (response.IsSuccessStatusCode) world.Shop.Record("order.send", crmOrderId, webhookId, order);
        return new PlaceResult(response.IsSuccessStatusCode, (int)response.StatusCode, externalId, crmOrderId, detail);
    }
}
