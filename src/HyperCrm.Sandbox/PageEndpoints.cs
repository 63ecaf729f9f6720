using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using static HyperCrm.Sandbox.Html;

namespace HyperCrm.Sandbox;

/// <summary>The simulators people (and bots) use through a browser: the web shop, the message boxes, the supplier portal.</summary>
internal static class PageEndpoints
{
    private const string SessionCookie = "supplier_session";

    public static void MapOverview(RouteGroupBuilder sandbox) =>
        sandbox.MapGet("/", (SandboxWorld world) =>
        {
            var rows = string.Concat(world.Services.Select(s =>
                $"<tr><td>{E(s.Name)}</td><td>{s.Ledger.Count}</td><td>{E(s.CurrentFault?.Mode ?? "ok")}</td><td><a href=\"/sandbox/{s.Name}/ledger\">ledger (JSON)</a></td></tr>"));
            return Page("Simulators", $"<table><tr><th>service</th><th>ledger entries</th><th>fault</th><th></th></tr>{rows}</table>");
        });

    public static void MapShop(RouteGroupBuilder sandbox)
    {
        sandbox.MapGet("/shop", (SandboxWorld world) =>
        {
            string[] skus;
            // In-stock SKUs first (the default ships at once); the supplier-only ones after, marked.
            lock (world.StockGate) skus = [.. world.Stock.Keys.OrderBy(s => s.StartsWith("OOS-", StringComparison.Ordinal)).ThenBy(s => s, StringComparer.Ordinal)];
            var options = string.Concat(skus.Select(s => s.StartsWith("OOS-", StringComparison.Ordinal)
                ? $"<option value=\"{E(s)}\">{E(s)} (out of stock: the supplier has it)</option>"
                : $"<option>{E(s)}</option>"));
            var sent = string.Concat(world.Shop.Ledger.Reverse().Take(20).Select(e =>
                $"<tr><td>{e.At:HH:mm:ss}</td><td>{E(e.Payload?["externalId"]?.ToString())}</td><td>{E(e.Payload?["customer"]?["name"]?.ToString())}</td><td>{E(e.Reference)}</td></tr>"));
            return Page("Demo web shop", $"""
                <p class="note">Orders placed here reach the CRM through its signed webhook, as a real shop would send them.</p>
                <form method="post" action="/sandbox/shop/orders">
                  <label for="name">Name</label><input id="name" name="name" value="Анна Петрова" required>
                  <label for="email">Email</label><input id="email" name="email" type="email" value="anna.{Random.Shared.Next(1000, 9999)}@example.com">
                  <label for="phone">Phone</label><input id="phone" name="phone" value="+7916{Random.Shared.Next(1000000, 9999999)}">
                  <label for="city">City</label><input id="city" name="city" value="Москва" required>
                  <label for="line1">Address</label><input id="line1" name="line1" value="ул. Тверская, 1" required>
                  <label for="sku">Product</label><select id="sku" name="sku">{options}</select>
                  <label for="quantity">Quantity</label><input id="quantity" name="quantity" type="number" min="1" max="100" value="1">
                  <br><button type="submit" id="place-order">Place order</button>
                </form>
                <h2>Many orders at once</h2>
                <form method="post" action="/sandbox/shop/demo-orders">
                  <label for="count">How many (in-stock SKUs, random customers)</label><input id="count" name="count" type="number" min="1" max="200" value="10">
                  <br><button type="submit">Place demo orders</button>
                </form>
                <h2>Sent</h2><table><tr><th>at</th><th>shop order</th><th>customer</th><th>CRM order</th></tr>{sent}</table>
                """);
        });

        sandbox.MapPost("/shop/orders", async (HttpContext http, ShopClient shop) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var quantity = int.TryParse(form["quantity"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) ? q : 1;
            var order = ShopClient.Order(form["name"].ToString(), form["email"].ToString(), form["phone"].ToString(), form["city"].ToString(), form["line1"].ToString(),
                [(form["sku"].ToString(), quantity)]);
            var result = await shop.PlaceAsync(order, http.RequestAborted);
            var body = result.Ok
                ? $"<p class=\"ok\" id=\"result\">The CRM accepted order <strong id=\"external-id\">{E(result.ExternalId)}</strong> as <strong id=\"crm-order\">{E(result.CrmOrderId)}</strong>.</p>"
                : $"<p class=\"error\" id=\"result\">The CRM refused the order ({result.Status}): {E(result.Detail)}</p>";
            return Page("Order placed", body + "<p><a href=\"/sandbox/shop\">Back to the shop</a></p>", result.Ok ? 200 : 502);
        });

        sandbox.MapPost("/shop/demo-orders", async (HttpContext http, ShopClient shop) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var count = Math.Clamp(int.TryParse(form["count"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 10, 1, 200);
            var ok = 0;
            for (var i = 0; i < count; i++)
            {
                var n = Random.Shared.Next(100_000, 999_999);
                var order = ShopClient.Order($"Demo customer {n}", $"demo.{n}@example.com", $"+7916{Random.Shared.Next(1000000, 9999999)}", "Москва", $"ул. Ленина, {n % 200 + 1}",
                    [($"SKU-{Random.Shared.Next(1, 51):000}", Random.Shared.Next(1, 4))]);
                if ((await shop.PlaceAsync(order, http.RequestAborted)).Ok) ok++;
            }
            return Page("Demo orders placed", $"<p class=\"ok\">{ok} of {count} orders accepted by the CRM.</p><p><a href=\"/sandbox/shop\">Back to the shop</a></p>");
        });
    }

    public static void MapMessagePages(RouteGroupBuilder sandbox)
    {
        foreach (var (channel, title) in new[] { ("sms", "SMS gateway: messages sent"), ("mail", "Mail catcher: messages sent") })
        {
            sandbox.MapGet("/" + channel, (SandboxWorld world) =>
            {
                var rows = string.Concat(world.Messages.Where(m => m.Channel == channel).Reverse().Take(200).Select(m =>
                    $"<tr><td>{m.At:yyyy-MM-dd HH:mm:ss}</td><td>{E(m.To)}</td><td>{E(m.Subject)}</td><td class=\"message\">{E(m.Text)}</td><td>{E(m.Reference)}</td></tr>"));
                return Page(title, $"<table><tr><th>at (UTC)</th><th>to</th><th>subject</th><th>text</th><th>CRM order</th></tr>{rows}</table>");
            });
        }
    }

    public static void MapSupplier(RouteGroupBuilder sandbox, IOptionsMonitor<SandboxOptions> options)
    {
        sandbox.MapGet("/supplier", () => Results.Redirect("/sandbox/supplier/"));
        sandbox.MapGet("/supplier/", (string? error) => Page("Supplier portal: sign in", $"""
            {(error is null ? "" : "<p class=\"error\" id=\"login-error\">Wrong user name or password.</p>")}
            <form method="post" action="/sandbox/supplier/login">
              <label for="username">User name</label><input id="username" name="username" autocomplete="username">
              <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
              <br><button type="submit" id="sign-in">Sign in</button>
            </form>
            """));

        sandbox.MapPost("/supplier/login", async (HttpContext http, SandboxWorld world) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var supplier = options.CurrentValue.Supplier;
            if (await world.Supplier.FaultAsync(http) is { } failed) return failed;
            if (form["username"] != supplier.UserName || form["password"] != supplier.Password) return Results.Redirect("/sandbox/supplier/?error=1");
            var session = Guid.NewGuid().ToString("N");
            world.SupplierSessions[session] = supplier.UserName;
            http.Response.Cookies.Append(SessionCookie, session, new CookieOptions { HttpOnly = true, Path = "/sandbox/supplier", SameSite = SameSiteMode.Lax });
            return Results.Redirect("/sandbox/supplier/catalog");
        });

        sandbox.MapGet("/supplier/catalog", (HttpContext http, SandboxWorld world) =>
        {
            if (!SignedIn(http, world)) return Results.Redirect("/sandbox/supplier/");
            List<StockItem> items;
            lock (world.StockGate) items = [.. world.Stock.Values.OrderBy(s => s.Sku, StringComparer.Ordinal)];
            var rows = string.Concat(items.Select(i =>
                $"<tr><td class=\"sku\">{E(i.Sku)}</td><td>{E(i.Description)}</td><td>{i.Price.ToString("0.00", CultureInfo.InvariantCulture)}</td><td><a href=\"/sandbox/supplier/order?sku={Uri.EscapeDataString(i.Sku)}\">Order</a></td></tr>"));
            return Page("Supplier catalog", $"<table id=\"catalog\"><tr><th>SKU</th><th>item</th><th>price</th><th></th></tr>{rows}</table>");
        });

        sandbox.MapGet("/supplier/order", (HttpContext http, SandboxWorld world, string? sku) =>
        {
            if (!SignedIn(http, world)) return Results.Redirect("/sandbox/supplier/");
            return Page("New purchase order", $"""
                <form method="post" action="/sandbox/supplier/order">
                  <input type="hidden" name="form_token" value="{Guid.NewGuid():N}">
                  <label for="sku">SKU</label><input id="sku" name="sku" value="{E(sku)}" required>
                  <label for="quantity">Quantity</label><input id="quantity" name="quantity" type="number" min="1" max="10000" value="10" required>
                  <label for="reference">Your reference</label><input id="reference" name="reference">
                  <label for="note">Note</label><textarea id="note" name="note"></textarea>
                  <br><button type="submit" id="submit-order">Submit purchase order</button>
                </form>
                """);
        });

        sandbox.MapPost("/supplier/order", async (HttpContext http, SandboxWorld world) =>
        {
            if (!SignedIn(http, world)) return Results.Redirect("/sandbox/supplier/");
            if (await world.Supplier.FaultAsync(http) is { } failed) return failed;
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var sku = form["sku"].ToString().Trim();
            var token = form["form_token"].ToString();
            bool known;
            lock (world.StockGate) known = world.Stock.ContainsKey(sku);
            if (!known || !int.TryParse(form["quantity"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > 10000 || token.Length == 0)
                return Page("Purchase order refused", $"<p class=\"error\" id=\"order-error\">Unknown SKU or quantity out of range (1–10000).</p><p><a href=\"/sandbox/supplier/catalog\">Catalog</a></p>", 400);
            // The form's one-time token makes a double submit (a bot retrying after a timeout) the same purchase order.
            var po = world.PurchaseOrders.GetOrAdd(token, t =>
            {
                var now = world.Clock.GetUtcNow();
                var order = new PurchaseOrder(world.NextNumber("PO"), t, [new ErpLine(sku, quantity, 0)], form["note"].ToString(), now,
                    now.AddSeconds(options.CurrentValue.Supplier.DeliverAfterSeconds));
                world.Supplier.Record("purchase_order.create", form["reference"].ToString() is { Length: > 0 } r ? r : null, t,
                    new { order.Number, Sku = sku, Quantity = quantity });
                return order;
            });
            return Page("Purchase order confirmed", $"""
                <p class="ok">Thank you. Your purchase order number is <strong id="po-number">{E(po.Number)}</strong>.</p>
                <p>{po.Lines[0].Quantity} × {E(po.Lines[0].Sku)}, expected at your warehouse by {po.DeliverAt:yyyy-MM-dd HH:mm:ss} UTC.</p>
                <p><a href="/sandbox/supplier/catalog">Back to the catalog</a></p>
                """);
        });
    }

    private static bool SignedIn(HttpContext http, SandboxWorld world) =>
        http.Request.Cookies.TryGetValue(SessionCookie, out var session) && session is not null && world.SupplierSessions.ContainsKey(session);
}

/// <summary>The shop's side of the signed order webhook (docs/api.md, "Webhooks").</summary>
public sealed class ShopClient(IHttpClientFactory clients, SandboxWorld world, CrmAddress crm, IOptionsMonitor<SandboxOptions> options, WebhookSigner signer)
{
    public sealed record PlaceResult(bool Ok, int Status, string ExternalId, string? CrmOrderId, string? Detail);

    public static Dictionary<string, object?> Order(string name, string email, string phone, string city, string line1, IReadOnlyList<(string Sku, int Quantity)> lines)
    {
        decimal Price(string sku) => sku.StartsWith("OOS-", StringComparison.Ordinal) ? 990m + (int.Parse(sku[4..], CultureInfo.InvariantCulture) * 100)
            : int.TryParse(sku.AsSpan(4), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? 490m + (n * 100) : 1000m;
        return new Dictionary<string, object?>
        {
            ["externalId"] = $"shop-{Guid.NewGuid().ToString("N")[..12]}",
            ["currency"] = "RUB",
            ["customer"] = new Dictionary<string, object?> { ["name"] = name, ["email"] = email.Length == 0 ? null : email, ["phone"] = phone.Length == 0 ? null : phone },
            ["shippingAddress"] = new Dictionary<string, object?> { ["country"] = "RU", ["city"] = city, ["line1"] = line1, ["postalCode"] = "125009" },
            ["paymentMethod"] = "card",
            ["lines"] = lines.Select(l => new Dictionary<string, object?> { ["sku"] = l.Sku, ["quantity"] = l.Quantity, ["unitPrice"] = Price(l.Sku) }).ToList(),
        };
    }

    public async Task<PlaceResult> PlaceAsync(Dictionary<string, object?> order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var source = options.CurrentValue.Shop.Source;
        var body = JsonSerializer.Serialize(new { type = "order.created", timestamp = world.Clock.GetUtcNow(), data = order }, SandboxJson.Options);
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
