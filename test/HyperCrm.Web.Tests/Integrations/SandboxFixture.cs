using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// The whole app on a real Kestrel port with the sandbox mapped in: connectors, the shop's and the courier's webhooks
/// all go over real HTTP on loopback. Simulator delays are short so a scenario takes seconds.
/// </summary>
public class SandboxFixture : HyperCrmWebApplicationFactory
{
    public const string ShopSecret = "whsec_c2hvcC1zZWNyZXQtZm9yLXRlc3RzLTAxMjM0NTY3ODk=";
    public const string CourierSecret = "whsec_Y291cmllci1zZWNyZXQtZm9yLXRlc3RzLTAxMjM0NTY=";
    public const string EventsSecret = "whsec_ZXZlbnRzLXNlY3JldC1mb3ItdGVzdHMtMDEyMzQ1Njc4OQ==";
    public const string PaymentsSecret = "whsec_cGF5bWVudHMtc2VjcmV0LWZvci10ZXN0cy0wMTIzNDU2Nzg=";

    /// <summary>A second courier's secret: it may report on its own shipments only.</summary>
    public const string OtherCourierSecret = "whsec_b3RoZXItY291cmllci1zZWNyZXQtZm9yLXRlc3RzLTA=";

    protected override bool OnLoopbackPort => true;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Sandbox:Enabled"] = "true",
        ["Sandbox:Wms:PickAfterSeconds"] = "1",
        ["Sandbox:Courier:DeliverAfterSeconds"] = "2",
        ["Sandbox:Supplier:DeliverAfterSeconds"] = "1",
        ["Webhooks:Inbound:Shops:demo:Secret"] = ShopSecret,
        ["Webhooks:Inbound:Couriers:sandbox:Secret"] = CourierSecret,
        ["Webhooks:Inbound:Events:crm-events:Secret"] = EventsSecret,
        ["Webhooks:Inbound:Payments:sandbox:Secret"] = PaymentsSecret,
        ["Webhooks:Inbound:Couriers:other:Secret"] = OtherCourierSecret,
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:Outbound:PollInterval"] = "00:00:00.200",
        ["Integrations:WmsPollInterval"] = "00:00:00.300",
        ["Integrations:MailboxPollInterval"] = "00:00:00.300",
        ["Integrations:StockSyncInterval"] = "00:00:00",
        ["Automation:PollInterval"] = "00:00:00.200",
    };

    /// <summary>Browser-like clients (sign-in, pages) go to the real port too, keeping cookies and not following redirects.</summary>
    public override HttpClient CreateBrowserClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true,
            CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>A plain client for the real port (the sandbox, hooks and API over loopback HTTP).</summary>
    public HttpClient Http(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            apiKey);
        return client;
    }

    /// <summary>The WMS pick task the CRM holds for an order; null until one is created.</summary>
    public async Task<string?> PickTaskIdAsync(Guid orderId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HyperCrm.Integrations.Data.IntegrationsDbContext>().Fulfilments
            .AsNoTracking().Where(f => f.Id == orderId).Select(f => f.PickTaskId).FirstOrDefaultAsync();
    }

    /// <summary>What the ERP says it holds of a SKU: on hand, and reserved for orders.</summary>
    public async Task<(int OnHand, int Reserved)> ErpStockAsync(string sku)
    {
        using var client = Http();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String("crm:erp-demo"u8.ToArray()));
        var stock = await client.GetFromJsonAsync<JsonElement>("/sandbox/erp/odata/AccumulationRegister_StockBalance");
        var row = stock.GetProperty("value").EnumerateArray().Single(s => s.GetProperty("Sku").GetString() == sku);
        return (row.GetProperty("OnHand").GetInt32(), row.GetProperty("Reserved").GetInt32());
    }

    public async Task<JsonArray> LedgerAsync(string service)
    {
        using var client = Http();
        return (await client.GetFromJsonAsync<JsonArray>($"/sandbox/{service}/ledger"))!;
    }

    public async Task<int> CountAsync(string service, string operation, Guid reference) =>
        (await LedgerAsync(service)).Count(e => e!["operation"]!.GetValue<string>() == operation
            && e["reference"]?.GetValue<string>() == reference.ToString());

    public async Task FaultAsync(string service, string mode, double seconds, double? delaySeconds = null)
    {
        using var client = Http();
        (await client.PostAsJsonAsync($"/sandbox/{service}/faults", new { mode, seconds, delaySeconds })).EnsureSuccessStatusCode();
    }

    public static string OrderBody(string externalId, string email, string sku = "SKU-001", int quantity = 1,
        string? phone = "+79161234567") =>
        JsonSerializer.Serialize(new
        {
            type = "order.created",
            timestamp = DateTimeOffset.UtcNow,
            data = new
            {
                externalId,
                currency = "RUB",
                customer = new { email, phone, name = "Анна Петрова" },
                shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1", postalCode = "125009" },
                paymentMethod = "card",
                lines = new[] { new { sku, quantity, unitPrice = 1490.00m } },
            },
        });

    /// <summary>A Standard Webhooks request, as a shop or courier signs it (time and id may be forced, to test refusals).</summary>
    public static HttpRequestMessage Signed(string path, string body, string secret, string? webhookId = null, DateTimeOffset? at = null)
    {
        var id = webhookId ?? "msg_" + Guid.NewGuid().ToString("N");
        var time = at ?? DateTimeOffset.UtcNow;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8,
            "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", time.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(id, time, body));
        return request;
    }
}

/// <summary>A second, separate world for the fault tests (they slow or break simulators the others use).</summary>
public sealed class FaultySandboxFixture : SandboxFixture;
