using System.Globalization;
using static HyperCrm.Sandbox.Html;

namespace HyperCrm.Sandbox;

/// <summary>The demo web shop's pages: place one order, or many demo orders at once (sent by <see cref="ShopClient"/>).</summary>
internal static class ShopPages
{
    public static void Map(RouteGroupBuilder sandbox)
    {
        sandbox.MapGet("/shop", (SandboxWorld world) =>
        {
            string[] skus;
            // In-stock SKUs first (the default ships at once); the supplier-only ones after, marked.
            lock (world.StockGate) skus = [.. world.Stock.Keys.OrderBy(s => s.StartsWith("OOS-", StringComparison.Ordinal)).ThenBy(s => s,
                StringComparer.Ordinal)];
            var options = string.Concat(skus.Select(s => s.StartsWith("OOS-", StringComparison.Ordinal)
                ? $"<option value=\"{E(s)}\">{E(s)} (out of stock: the supplier has it)</option>"
                : $"<option>{E(s)}</option>"));
            var sent = string.Concat(world.Shop.Ledger.Reverse().Take(20).Select(e =>
                $"<tr><td>{e.At:HH:mm:ss}</td><td>{E(e.Payload?["externalId"]?.ToString())}</td>" +
                $"<td>{E(e.Payload?["customer"]?["name"]?.ToString())}</td><td>{E(e.Reference)}</td></tr>"));
            return Page("Demo web shop", $"""
                <p class="note">Orders placed here reach the CRM through its signed webhook, as a real shop would send them.</p>
                <form method="post" action="/sandbox/shop/orders">
                  <label for="name">Name</label><input id="name" name="name" value="Анна Петрова" required>
                  <label for="email">Email</label>
                  <input id="email" name="email" type="email" value="anna.{Random.Shared.Next(1000, 9999)}@example.com">
                  <label for="phone">Phone</label><input id="phone" name="phone" value="+7916{Random.Shared.Next(1000000, 9999999)}">
                  <label for="city">City</label><input id="city" name="city" value="Москва" required>
                  <label for="line1">Address</label><input id="line1" name="line1" value="ул. Тверская, 1" required>
                  <label for="sku">Product</label><select id="sku" name="sku">{options}</select>
                  <label for="quantity">Quantity</label><input id="quantity" name="quantity" type="number" min="1" max="100" value="1">
                  <br><button type="submit" id="place-order">Place order</button>
                </form>
                <h2>Many orders at once</h2>
                <form method="post" action="/sandbox/shop/demo-orders">
                  <label for="count">How many (in-stock SKUs, random customers)</label>
                  <input id="count" name="count" type="number" min="1" max="200" value="10">
                  <br><button type="submit">Place demo orders</button>
                </form>
                <h2>Sent</h2><table><tr><th>at</th><th>shop order</th><th>customer</th><th>CRM order</th></tr>{sent}</table>
                """);
        });

        sandbox.MapPost("/shop/orders", async (HttpContext http, ShopClient shop) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var quantity = int.TryParse(form["quantity"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var q) ? q : 1;
            var order = ShopClient.Order(form["name"].ToString(), form["email"].ToString(), form["phone"].ToString(),
                form["city"].ToString(), form["line1"].ToString(),
                [(form["sku"].ToString(), quantity)]);
            var result = await shop.PlaceAsync(order, http.RequestAborted);
            var body = result.Ok
                ? $"<p class=\"ok\" id=\"result\">The CRM accepted order <strong id=\"external-id\">{E(result.ExternalId)}</strong> as " +
                    $"<strong id=\"crm-order\">{E(result.CrmOrderId)}</strong>.</p>"
                : $"<p class=\"error\" id=\"result\">The CRM refused the order ({result.Status}): {E(result.Detail)}</p>";
            return Page("Order placed", body + "<p><a href=\"/sandbox/shop\">Back to the shop</a></p>", result.Ok ? 200 : 502);
        });

        sandbox.MapPost("/shop/demo-orders", async (HttpContext http, ShopClient shop) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var count = Math.Clamp(int.TryParse(form["count"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 10, 1,
                200);
            var ok = 0;
            for (var i = 0; i < count; i++)
            {
                var n = Random.Shared.Next(100_000, 999_999);
                var order = ShopClient.Order($"Demo customer {n}", $"demo.{n}@example.com", $"+7916{Random.Shared.Next(1000000, 9999999)}",
                    "Москва", $"ул. Ленина, {n % 200 + 1}",
                    [($"SKU-{Random.Shared.Next(1, 51):000}", Random.Shared.Next(1, 4))]);
                if ((await shop.PlaceAsync(order, http.RequestAborted)).Ok) ok++;
            }
            return Page("Demo orders placed",
                $"<p class=\"ok\">{ok} of {count} orders accepted by the CRM.</p><p><a href=\"/sandbox/shop\">Back to the shop</a></p>");
        });
    }
}
