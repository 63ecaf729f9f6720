using System.Globalization;
using Microsoft.Extensions.Options;
using static HyperCrm.Sandbox.Html;

namespace HyperCrm.Sandbox;

/// <summary>
/// The supplier portal, a web site with no API (the robots' ground): sign in, browse the catalog, place a purchase order
/// with your reference, list your orders. For tests and demos, <c>POST /sandbox/supplier/mode</c> makes it refuse sign-in
/// or change its order form (the quantity field renamed), as real portals do to robots.
/// </summary>
internal static class SupplierPortal
{
    private const string SessionCookie = "supplier_session";

    private const string QuantityField = "<label for=\"quantity\">Quantity</label>"
        + "<input id=\"quantity\" name=\"quantity\" type=\"number\" min=\"1\" max=\"10000\" value=\"10\" required>";

    /// <summary>The same field after the portal "changed its page": another name, id and label.</summary>
    private const string ChangedQuantityField = "<label for=\"qty\">Amount to order</label>"
        + "<input id=\"qty\" name=\"qty\" type=\"number\" min=\"1\" max=\"10000\" value=\"10\" required>";

    public static void Map(RouteGroupBuilder sandbox, IOptionsMonitor<SandboxOptions> options)
    {
        // One route for "/sandbox/supplier" and "/sandbox/supplier/" (two were ambiguous, and the sign-in page answered 500).
        sandbox.MapGet("/supplier", (string? error) => Page("Supplier portal: sign in", $"""
            {SignInError(error)}
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
            if (form["username"] != supplier.UserName
                || form["password"] != supplier.Password) return Results.Redirect("/sandbox/supplier/?error=1");
            if (world.SupplierRefusesSignIn) return Results.Redirect("/sandbox/supplier/?error=locked");
            var session = Guid.NewGuid().ToString("N");
            world.SaveSession(session, supplier.UserName);
            http.Response.Cookies.Append(SessionCookie, session, new CookieOptions { HttpOnly = true, Path = "/sandbox/supplier",
                SameSite = SameSiteMode.Lax });
            return Results.Redirect("/sandbox/supplier/catalog");
        });

        sandbox.MapGet("/supplier/catalog", (HttpContext http, SandboxWorld world) =>
        {
            if (!SignedIn(http, world)) return Results.Redirect("/sandbox/supplier/");
            List<StockItem> items;
            lock (world.StockGate) items = [.. world.Stock.Values.OrderBy(s => s.Sku, StringComparer.Ordinal)];
            var rows = string.Concat(items.Select(i =>
                $"<tr><td class=\"sku\">{E(i.Sku)}</td><td>{E(i.Description)}</td>" +
                    $"<td>{i.Price.ToString("0.00", CultureInfo.InvariantCulture)}</td>" +
                    $"<td><a href=\"/sandbox/supplier/order?sku={Uri.EscapeDataString(i.Sku)}\">Order</a></td></tr>"));
            return Page("Supplier catalog",
                $"<table id=\"catalog\"><tr><th>SKU</th><th>item</th><th>price</th><th></th></tr>{rows}</table>");
        });

        sandbox.MapGet("/supplier/order", (HttpContext http, SandboxWorld world, string? sku) =>
        {
            if (!SignedIn(http, world)) return Results.Redirect("/sandbox/supplier/");
            return Page("New purchase order", $"""
                <form method="post" action="/sandbox/supplier/order">
                  <input type="hidden" name="form_token" value="{Guid.NewGuid():N}">
                  <label for="sku">SKU</label><input id="sku" name="sku" value="{E(sku)}" required>
                  {(world.SupplierPageChanged ? ChangedQuantityField : QuantityField)}
                  <label for="reference">Your reference</label><input id="reference" name="reference">
                  <label for="note">Note</label><textarea id="note" name="note"></textarea>
                  <br><button type="submit" id="submit-order">Submit purchase order</button>
                </form>
                """);
        });

        MapOrderList(sandbox);
        MapMode(sandbox);

        sandbox.MapPost("/supplier/order", async (HttpContext http, SandboxWorld world) =>
        {
            if (!SignedIn(http, world)) return Results.Redirect("/sandbox/supplier/");
            if (await world.Supplier.FaultAsync(http) is { } failed) return failed;
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var sku = form["sku"].ToString().Trim();
            var token = form["form_token"].ToString();
            bool known;
            lock (world.StockGate) known = world.Stock.ContainsKey(sku);
            if (!known || !int.TryParse(form[world.SupplierPageChanged ? "qty" : "quantity"], NumberStyles.Integer,
                CultureInfo.InvariantCulture,
                out var quantity) || quantity is < 1 or > 10000 || token.Length == 0)
                return Page("Purchase order refused",
                    $"<p class=\"error\" id=\"order-error\">Unknown SKU or quantity out of range (1–10000).</p><p><a " +
                        $"href=\"/sandbox/supplier/catalog\">Catalog</a></p>", 400);
            // The form's one-time token makes a double submit (a bot retrying after a timeout) the same purchase order.
            PurchaseOrder po;
            lock (world.PurchaseOrders)
            {
                if (!world.PurchaseOrders.TryGetValue(token, out po!))
                {
                    // The order, its number and its ledger entry are journaled together.
                    using var batch = world.Journal.Batch();
                    var now = world.Clock.GetUtcNow();
                    po = new PurchaseOrder(world.NextNumber("PO"), token, [new ErpLine(sku, quantity, 0)], form["note"].ToString(), now,
                        now.AddSeconds(options.CurrentValue.Supplier.DeliverAfterSeconds))
                    {
                        Reference = form["reference"].ToString().Trim() is { Length: > 0 } given ? given[..Math.Min(given.Length, 100)]
                            : null,
                    };
                    world.Save(po);
                    world.Supplier.Record("purchase_order.create", form["reference"].ToString() is { Length: > 0 } r ? r : null, token,
                        new { po.Number, Sku = sku, Quantity = quantity });
                }
            }
            return Page("Purchase order confirmed", $"""
                <p class="ok">Thank you. Your purchase order number is <strong id="po-number">{E(po.Number)}</strong>.</p>
                <p><a href="/sandbox/supplier/orders" id="orders-link">Your purchase orders</a></p>
                <p>{po.Lines[0].Quantity} × {E(po.Lines[0].Sku)}, expected at your warehouse by {po.DeliverAt:yyyy-MM-dd HH:mm:ss} UTC.</p>
                <p><a href="/sandbox/supplier/catalog">Back to the catalog</a></p>
                """);
        });
    }

    /// <summary>The signed-in buyer's purchase orders, newest first, with their references: how a robot that may have
    /// submitted already finds out before it submits again.</summary>
    private static void MapOrderList(RouteGroupBuilder sandbox) =>
        sandbox.MapGet("/supplier/orders", (HttpContext http, SandboxWorld world) =>
        {
            if (!SignedIn(http, world)) return Results.Redirect("/sandbox/supplier/");
            var rows = string.Concat(world.PurchaseOrders.Values.OrderByDescending(p => p.PlacedAt).Select(p =>
                $"<tr><td class=\"po\">{E(p.Number)}</td><td class=\"reference\">{E(p.Reference)}</td><td>{E(p.Lines[0].Sku)}</td>" +
                    $"<td>{p.Lines[0].Quantity}</td><td>{p.PlacedAt:yyyy-MM-dd HH:mm:ss}</td>" +
                    $"<td>{(p.Delivered ? "delivered" : "on its way")}</td></tr>"));
            return Page("Your purchase orders",
                $"<table id=\"orders\"><tr><th>PO</th><th>your reference</th><th>SKU</th><th>quantity</th><th>placed (UTC)</th>" +
                    $"<th>state</th></tr>{rows}</table><p><a href=\"/sandbox/supplier/catalog\">Catalog</a></p>");
        });

    /// <summary>For tests and demos: <c>{ "signIn": "accept" | "refuse", "page": "normal" | "changed" }</c> (either may be
    /// left out).</summary>
    private static void MapMode(RouteGroupBuilder sandbox) =>
        sandbox.MapPost("/supplier/mode", (PortalMode input, SandboxWorld world) =>
        {
            if (input.SignIn is not (null or "accept" or "refuse") || input.Page is not (null or "normal" or "changed"))
                return Results.Problem("signIn must be accept or refuse, page normal or changed.", statusCode: 400);
            if (input.SignIn is { } signIn) world.SupplierRefusesSignIn = signIn == "refuse";
            if (input.Page is { } page) world.SupplierPageChanged = page == "changed";
            return Results.Ok(new
            {
                signIn = world.SupplierRefusesSignIn ? "refuse" : "accept", page = world.SupplierPageChanged ? "changed" : "normal",
            });
        });

    public sealed record PortalMode(string? SignIn, string? Page);

    private static string SignInError(string? error) => error switch
    {
        null => string.Empty,
        "locked" => "<p class=\"error\" id=\"login-error\">Your account is locked. Call your account manager.</p>",
        _ => "<p class=\"error\" id=\"login-error\">Wrong user name or password.</p>",
    };

    private static bool SignedIn(HttpContext http, SandboxWorld world) =>
        http.Request.Cookies.TryGetValue(SessionCookie,
            out var session) && session is not null && world.SupplierSessions.ContainsKey(session);
}
