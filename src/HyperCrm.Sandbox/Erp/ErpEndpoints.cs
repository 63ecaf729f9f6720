using System.Text;
using System.Text.Json.Serialization;

namespace HyperCrm.Sandbox;

/// <summary>The 1C-style ERP simulator (OData naming, Basic authentication): counterparties, customer orders and their
/// reservations, sales, stock balances. Every write honours <c>Idempotency-Key</c> and the faults it was given.</summary>
internal static class ErpEndpoints
{
    public const string ErpUser = "crm";
    public const string ErpPassword = "erp-demo";

    public static void Map(RouteGroupBuilder sandbox)
    {
        var erp = sandbox.MapGroup("/erp/odata").AddEndpointFilter(async (context, next) =>
        {
            // 1C publishes OData behind HTTP basic authentication.
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ErpUser}:{ErpPassword}"));
            return context.HttpContext.Request.Headers.Authorization.ToString() == expected
                ? await next(context)
                : Results.Problem("Wrong ERP user or password.", statusCode: StatusCodes.Status401Unauthorized);
        });

        erp.MapGet("/", () => Results.Json(new { value = new[] { "Catalog_Counterparties", "Document_CustomerOrder", "Document_Sales",
            "AccumulationRegister_StockBalance" } }));

        erp.MapPost("/Catalog_Counterparties", (CounterpartyInput input, HttpContext http, SandboxWorld world) => world.Erp.WriteAsync(http,
            () =>
        {
            if (string.IsNullOrWhiteSpace(input.Description)) return Task.FromResult(OData.Error("Description is required."));
            var counterparty = new ErpCounterparty(Guid.NewGuid(), world.NextNumber("CP"), input.Description.Trim(), input.Email,
                input.Phone, input.CrmId);
            world.Save(counterparty);
            var body = OData.Counterparty(counterparty);
            world.Erp.Record("counterparty.create", SimulatorRequest.Reference(http), SimulatorRequest.IdempotencyKey(http), body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));

        erp.MapPost("/Document_CustomerOrder", (CustomerOrderInput input, HttpContext http,
            SandboxWorld world) => world.Erp.WriteAsync(http, () =>
        {
            if (!world.Counterparties.ContainsKey(input.CounterpartyKey)) return Task.FromResult(OData.Error($"Counterparty " +
                $"{input.CounterpartyKey} does not exist."));
            if (input.Lines is not { Count: > 0 } || input.Lines.Any(l => l.Quantity <= 0 || string.IsNullOrWhiteSpace(l.Sku)))
                return Task.FromResult(OData.Error("An order needs lines with a SKU and a positive quantity."));
            var order = new ErpCustomerOrder(Guid.NewGuid(), world.NextNumber("ЗК"), input.CounterpartyKey, input.CrmOrderId,
                [.. input.Lines.Select(l => new ErpLine(l.Sku.Trim(), l.Quantity, l.Price))], world.Clock.GetUtcNow());
            world.Save(order);
            var body = OData.CustomerOrder(order);
            world.Erp.Record("customer_order.create", SimulatorRequest.Reference(http), SimulatorRequest.IdempotencyKey(http), body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));

        erp.MapGet("/Document_CustomerOrder/{key:guid}", (Guid key, SandboxWorld world) =>
            world.CustomerOrders.TryGetValue(key,
                out var order) ? Results.Json(OData.CustomerOrder(order)) : OData.NotFound($"Customer order {key}"));

        erp.MapPost("/Document_CustomerOrder/{key:guid}/Reserve", (Guid key, HttpContext http,
            SandboxWorld world) => world.Erp.WriteAsync(http, () =>
        {
            if (!world.CustomerOrders.TryGetValue(key, out var order)) return Task.FromResult(OData.NotFound($"Customer order {key}"));
            lock (world.StockGate)
            {
                if (order.Reserved) return Task.FromResult(Results.Json(OData.Reservation(order, [])));
                if (order.Closed) return Task.FromResult(OData.Conflict($"Customer order {order.Number} is closed."));
                var missing = order.Lines
                    .Select(l => (Line: l, Free: world.Stock.TryGetValue(l.Sku, out var item) ? item.Free : 0))
                    .Where(x => x.Free < x.Line.Quantity)
                    .Select(x => new MissingStock(x.Line.Sku, x.Line.Quantity, Math.Max(0, x.Free)))
                    .ToList();
                // All or nothing, as a 1C reservation document is posted whole.
                if (missing.Count > 0) return Task.FromResult(Results.Json(OData.Reservation(order, missing)));
                foreach (var line in order.Lines) world.Stock[line.Sku].Reserved += line.Quantity;
                order.Reserved = true;
                world.SaveStock(order.Lines.Select(l => world.Stock[l.Sku]).Distinct());
                world.Save(order);
            }
            var body = OData.Reservation(order, []);
            world.Erp.Record("stock.reserve", SimulatorRequest.Reference(http), SimulatorRequest.IdempotencyKey(http), body);
            return Task.FromResult(Results.Json(body));
        }));

        // Releasing gives the order's reserved stock back; closing an order (cancelled in the CRM) releases it too. Each
        // happens once; a shipped order can be neither.
        erp.MapPost("/Document_CustomerOrder/{key:guid}/Release", (Guid key, HttpContext http,
            SandboxWorld world) => world.Erp.WriteAsync(http, () => Task.FromResult(EndOrder(key, http, world, close: false))));
        erp.MapPost("/Document_CustomerOrder/{key:guid}/Close", (Guid key, HttpContext http,
            SandboxWorld world) => world.Erp.WriteAsync(http, () => Task.FromResult(EndOrder(key, http, world, close: true))));

        // A return of goods: the sale's stock comes back on hand; one return per customer order.
        erp.MapPost("/Document_SalesReturn", (SaleInput input, HttpContext http, SandboxWorld world) => world.Erp.WriteAsync(http, () =>
        {
            if (!world.CustomerOrders.TryGetValue(input.CustomerOrderKey, out var order))
                return Task.FromResult(OData.NotFound($"Customer order {input.CustomerOrderKey}"));
            if (world.Returns.Values.FirstOrDefault(r => r.CustomerOrderKey == order.RefKey) is { } existing)
                return Task.FromResult(Results.Json(OData.Return(existing), statusCode: StatusCodes.Status201Created));
            if (world.Sales.Values.FirstOrDefault(s => s.CustomerOrderKey == order.RefKey) is not { } sale)
                return Task.FromResult(OData.Conflict($"Customer order {order.Number} has no sale to return."));
            ErpReturn document;
            lock (world.StockGate)
            {
                foreach (var line in order.Lines.Where(l => world.Stock.ContainsKey(l.Sku))) world.Stock[line.Sku].OnHand += line.Quantity;
                world.SaveStock(StockOf(order, world));
                document = new ErpReturn(Guid.NewGuid(), world.NextNumber("ВТК"), order.RefKey, sale.RefKey, sale.Amount,
                    world.Clock.GetUtcNow());
                world.Save(document);
            }
            var body = OData.Return(document);
            world.Erp.Record("return.post", SimulatorRequest.Reference(http), SimulatorRequest.IdempotencyKey(http), body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));

        erp.MapPost("/Document_Sales", (SaleInput input, HttpContext http, SandboxWorld world) => world.Erp.WriteAsync(http, () =>
        {
            if (!world.CustomerOrders.TryGetValue(input.CustomerOrderKey,
                out var order)) return Task.FromResult(OData.NotFound($"Customer order {input.CustomerOrderKey}"));
            if (world.Sales.Values.FirstOrDefault(s => s.CustomerOrderKey == order.RefKey) is { } existing)
                return Task.FromResult(Results.Json(OData.Sale(existing), statusCode: StatusCodes.Status201Created));
            if (order.Closed) return Task.FromResult(OData.Conflict($"Customer order {order.Number} is closed."));
            lock (world.StockGate)
            {
                foreach (var line in order.Lines)
                {
                    if (!world.Stock.TryGetValue(line.Sku, out var item)) continue;
                    if (order.Reserved) item.Reserved = Math.Max(0, item.Reserved - line.Quantity);
                    item.OnHand = Math.Max(0, item.OnHand - line.Quantity);
                }
                order.Shipped = true;
                world.SaveStock(StockOf(order, world));
                world.Save(order);
            }
            var sale = new ErpSale(Guid.NewGuid(), world.NextNumber("РТУ"), order.RefKey, order.Lines.Sum(l => l.Quantity * l.Price),
                world.Clock.GetUtcNow());
            world.Save(sale);
            var body = OData.Sale(sale);
            world.Erp.Record("sale.post", SimulatorRequest.Reference(http), SimulatorRequest.IdempotencyKey(http), body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));

        erp.MapGet("/AccumulationRegister_StockBalance", async (HttpContext http, SandboxWorld world) =>
        {
            if (await world.Erp.FaultAsync(http) is { } failed) return failed;
            lock (world.StockGate)
            {
                // 1C names its fields in PascalCase; the collection is OData's "value".
                return Results.Json(new Dictionary<string, object>
                {
                    ["value"] = world.Stock.Values.OrderBy(s => s.Sku, StringComparer.Ordinal)
                        .Select(s => new Dictionary<string, object> { ["Sku"] = s.Sku, ["Description"] = s.Description, ["Price"] = s.Price,
                            ["OnHand"] = s.OnHand, ["Reserved"] = s.Reserved, ["Free"] = s.Free })
                        .ToList(),
                });
            }
        });
    }

    /// <summary>The stock items an order's lines touch (those the ERP knows).</summary>
    private static IEnumerable<StockItem> StockOf(ErpCustomerOrder order, SandboxWorld world) =>
        order.Lines.Where(l => world.Stock.ContainsKey(l.Sku)).Select(l => world.Stock[l.Sku]).Distinct();

    private static IResult EndOrder(Guid key, HttpContext http, SandboxWorld world, bool close)
    {
        if (!world.CustomerOrders.TryGetValue(key, out var order)) return OData.NotFound($"Customer order {key}");
        if (order.Shipped) return OData.Conflict($"Customer order {order.Number} has shipped: post a return instead.");
        lock (world.StockGate)
        {
            if (order.Reserved)
            {
                foreach (var line in order.Lines.Where(l => world.Stock.ContainsKey(l.Sku)))
                    world.Stock[line.Sku].Reserved = Math.Max(0, world.Stock[line.Sku].Reserved - line.Quantity);
                order.Reserved = false;
                world.SaveStock(StockOf(order, world));
                world.Save(order);
                world.Erp.Record("stock.release", SimulatorRequest.Reference(http), SimulatorRequest.IdempotencyKey(http),
                    OData.CustomerOrder(order));
            }
            if (close && !order.Closed)
            {
                order.Closed = true;
                world.Save(order);
                world.Erp.Record("customer_order.close", SimulatorRequest.Reference(http), SimulatorRequest.IdempotencyKey(http),
                    OData.CustomerOrder(order));
            }
        }
        return Results.Json(OData.CustomerOrder(order));
    }

    public sealed record CounterpartyInput(string Description, string? Email, string? Phone, string? CrmId);

    public sealed record LineInput(string Sku, int Quantity, decimal Price);

    public sealed record CustomerOrderInput([property: JsonPropertyName("Counterparty_Key")] Guid CounterpartyKey, string? CrmOrderId,
        List<LineInput>? Lines);

    public sealed record SaleInput([property: JsonPropertyName("CustomerOrder_Key")] Guid CustomerOrderKey);

    public sealed record MissingStock(string Sku, int Requested, int Free);

    /// <summary>1C's OData shapes: <c>Ref_Key</c>, <c>Number</c>, <c>Date</c>, <c>Posted</c>; errors as <c>odata.error</c>.</summary>
    private static class OData
    {
        public static IResult Error(string message) =>
            Results.Json(new Dictionary<string, object> { ["odata.error"] = new { code = "-1", message = new { lang = "en",
                value = message } } }, statusCode: 400);

        public static IResult Conflict(string message) =>
            Results.Json(new Dictionary<string, object> { ["odata.error"] = new { code = "-1", message = new { lang = "en",
                value = message } } }, statusCode: 409);

        public static IResult NotFound(string what) =>
            Results.Json(new Dictionary<string, object> { ["odata.error"] = new { code = "-1", message = new { lang = "en",
                value = what + " not found." } } }, statusCode: 404);

        public static Dictionary<string, object?> Counterparty(ErpCounterparty c) => new()
        {
            ["Ref_Key"] = c.RefKey, ["Code"] = c.Code, ["Description"] = c.Description, ["Email"] = c.Email, ["Phone"] = c.Phone,
                ["CrmId"] = c.CrmId,
        };

        public static Dictionary<string, object?> CustomerOrder(ErpCustomerOrder o) => new()
        {
            ["Ref_Key"] = o.RefKey, ["Number"] = o.Number, ["Date"] = o.Date, ["Posted"] = true, ["Counterparty_Key"] = o.CounterpartyKey,
            ["CrmOrderId"] = o.CrmOrderId, ["Amount"] = o.Lines.Sum(l => l.Quantity * l.Price), ["Reserved"] = o.Reserved,
            ["Closed"] = o.Closed,
            ["Lines"] = o.Lines.Select(l => new { l.Sku, l.Quantity, l.Price }).ToList(),
        };

        public static Dictionary<string, object?> Reservation(ErpCustomerOrder o, List<MissingStock> missing) => new()
        {
            ["Ref_Key"] = o.RefKey, ["Number"] = o.Number, ["Reserved"] = missing.Count == 0, ["Missing"] = missing,
        };

        public static Dictionary<string, object?> Return(ErpReturn r) => new()
        {
            ["Ref_Key"] = r.RefKey, ["Number"] = r.Number, ["Date"] = r.Date, ["Posted"] = true, ["CustomerOrder_Key"] = r.CustomerOrderKey,
                ["Sale_Key"] = r.SaleKey, ["Amount"] = r.Amount,
        };

        public static Dictionary<string, object?> Sale(ErpSale s) => new()
        {
            ["Ref_Key"] = s.RefKey, ["Number"] = s.Number, ["Date"] = s.Date, ["Posted"] = true, ["CustomerOrder_Key"] = s.CustomerOrderKey,
                ["Amount"] = s.Amount,
        };
    }
}
