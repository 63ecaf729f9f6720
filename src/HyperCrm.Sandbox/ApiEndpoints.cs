using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace HyperCrm.Sandbox;

/// <summary>
/// The JSON simulators: a 1C-style ERP (OData naming), a WMS, a courier, an SMS gateway and a mail catcher.
/// Every write honours <c>Idempotency-Key</c>, records the CRM order it was made for (<c>X-Reference</c>) in the
/// ledger, and obeys the faults it was given.
/// </summary>
internal static class ApiEndpoints
{
    public const string ErpUser = "crm";
    public const string ErpPassword = "erp-demo";

    public static void MapErp(RouteGroupBuilder sandbox)
    {
        var erp = sandbox.MapGroup("/erp/odata").AddEndpointFilter(async (context, next) =>
        {
            // 1C publishes OData behind HTTP basic authentication.
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ErpUser}:{ErpPassword}"));
            return context.HttpContext.Request.Headers.Authorization.ToString() == expected
                ? await next(context)
                : Results.Problem("Wrong ERP user or password.", statusCode: StatusCodes.Status401Unauthorized);
        });

        erp.MapGet("/", () => Results.Json(new { value = new[] { "Catalog_Counterparties", "Document_CustomerOrder", "Document_Sales", "AccumulationRegister_StockBalance" } }));

        erp.MapPost("/Catalog_Counterparties", (CounterpartyInput input, HttpContext http, SandboxWorld world) => world.Erp.WriteAsync(http, () =>
        {
            if (string.IsNullOrWhiteSpace(input.Description)) return Task.FromResult(OData.Error("Description is required."));
            var counterparty = new ErpCounterparty(Guid.NewGuid(), world.NextNumber("CP"), input.Description.Trim(), input.Email, input.Phone, input.CrmId);
            world.Counterparties[counterparty.RefKey] = counterparty;
            var body = OData.Counterparty(counterparty);
            world.Erp.Record("counterparty.create", Reference(http), Key(http), body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));

        erp.MapPost("/Document_CustomerOrder", (CustomerOrderInput input, HttpContext http, SandboxWorld world) => world.Erp.WriteAsync(http, () =>
        {
            if (!world.Counterparties.ContainsKey(input.CounterpartyKey)) return Task.FromResult(OData.Error($"Counterparty {input.CounterpartyKey} does not exist."));
            if (input.Lines is not { Count: > 0 } || input.Lines.Any(l => l.Quantity <= 0 || string.IsNullOrWhiteSpace(l.Sku)))
                return Task.FromResult(OData.Error("An order needs lines with a SKU and a positive quantity."));
            var order = new ErpCustomerOrder(Guid.NewGuid(), world.NextNumber("ЗК"), input.CounterpartyKey, input.CrmOrderId,
                [.. input.Lines.Select(l => new ErpLine(l.Sku.Trim(), l.Quantity, l.Price))], world.Clock.GetUtcNow());
            world.CustomerOrders[order.RefKey] = order;
            var body = OData.CustomerOrder(order);
            world.Erp.Record("customer_order.create", Reference(http), Key(http), body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));

        erp.MapGet("/Document_CustomerOrder/{key:guid}", (Guid key, SandboxWorld world) =>
            world.CustomerOrders.TryGetValue(key, out var order) ? Results.Json(OData.CustomerOrder(order)) : OData.NotFound($"Customer order {key}"));

        erp.MapPost("/Document_CustomerOrder/{key:guid}/Reserve", (Guid key, HttpContext http, SandboxWorld world) => world.Erp.WriteAsync(http, () =>
        {
            if (!world.CustomerOrders.TryGetValue(key, out var order)) return Task.FromResult(OData.NotFound($"Customer order {key}"));
            lock (world.StockGate)
            {
                if (order.Reserved) return Task.FromResult(Results.Json(OData.Reservation(order, [])));
                var missing = order.Lines
                    .Select(l => (Line: l, Free: world.Stock.TryGetValue(l.Sku, out var item) ? item.Free : 0))
                    .Where(x => x.Free < x.Line.Quantity)
                    .Select(x => new MissingStock(x.Line.Sku, x.Line.Quantity, Math.Max(0, x.Free)))
                    .ToList();
                // All or nothing, as a 1C reservation document is posted whole.
                if (missing.Count > 0) return Task.FromResult(Results.Json(OData.Reservation(order, missing)));
                foreach (var line in order.Lines) world.Stock[line.Sku].Reserved += line.Quantity;
                order.Reserved = true;
            }
            var body = OData.Reservation(order, []);
            world.Erp.Record("stock.reserve", Reference(http), Key(http), body);
            return Task.FromResult(Results.Json(body));
        }));

        erp.MapPost("/Document_Sales", (SaleInput input, HttpContext http, SandboxWorld world) => world.Erp.WriteAsync(http, () =>
        {
            if (!world.CustomerOrders.TryGetValue(input.CustomerOrderKey, out var order)) return Task.FromResult(OData.NotFound($"Customer order {input.CustomerOrderKey}"));
            if (world.Sales.Values.FirstOrDefault(s => s.CustomerOrderKey == order.RefKey) is { } existing)
                return Task.FromResult(Results.Json(OData.Sale(existing), statusCode: StatusCodes.Status201Created));
            lock (world.StockGate)
            {
                foreach (var line in order.Lines)
                {
                    if (!world.Stock.TryGetValue(line.Sku, out var item)) continue;
                    if (order.Reserved) item.Reserved = Math.Max(0, item.Reserved - line.Quantity);
                    item.OnHand = Math.Max(0, item.OnHand - line.Quantity);
                }
                order.Shipped = true;
            }
            var sale = new ErpSale(Guid.NewGuid(), world.NextNumber("РТУ"), order.RefKey, order.Lines.Sum(l => l.Quantity * l.Price), world.Clock.GetUtcNow());
            world.Sales[sale.RefKey] = sale;
            var body = OData.Sale(sale);
            world.Erp.Record("sale.post", Reference(http), Key(http), body);
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
                        .Select(s => new Dictionary<string, object> { ["Sku"] = s.Sku, ["Description"] = s.Description, ["Price"] = s.Price, ["OnHand"] = s.OnHand, ["Reserved"] = s.Reserved, ["Free"] = s.Free })
                        .ToList(),
                });
            }
        });
    }

    public static void MapWms(RouteGroupBuilder sandbox, IOptionsMonitor<SandboxOptions> options)
    {
        var wms = sandbox.MapGroup("/wms");
        wms.MapGet("/health", async (HttpContext http, SandboxWorld world) => await world.Wms.FaultAsync(http) ?? Results.Ok(new { status = "ok" }));
        wms.MapPost("/pick-tasks", (PickTaskInput input, HttpContext http, SandboxWorld world) => world.Wms.WriteAsync(http, () =>
        {
            if (string.IsNullOrWhiteSpace(input.Reference) || input.Lines is not { Count: > 0 })
                return Task.FromResult(Results.Problem("A pick task needs a reference and lines.", statusCode: 400));
            var now = world.Clock.GetUtcNow();
            var task = new PickTask(Guid.NewGuid(), input.Reference, [.. input.Lines.Select(l => new ErpLine(l.Sku, l.Quantity, 0))], now,
                now.AddSeconds(options.CurrentValue.Wms.PickAfterSeconds));
            world.PickTasks[task.Id] = task;
            var body = PickTaskBody(task, now);
            world.Wms.Record("pick_task.create", Reference(http) ?? input.Reference, Key(http), body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));
        wms.MapGet("/pick-tasks/{id:guid}", async (Guid id, HttpContext http, SandboxWorld world) =>
        {
            if (await world.Wms.FaultAsync(http) is { } failed) return failed;
            return world.PickTasks.TryGetValue(id, out var task)
                ? Results.Json(PickTaskBody(task, world.Clock.GetUtcNow()))
                : Results.Problem($"Pick task {id} does not exist.", statusCode: 404);
        });
    }

    private static object PickTaskBody(PickTask task, DateTimeOffset now) => new
    {
        id = task.Id,
        reference = task.Reference,
        status = now >= task.PickedAt ? "picked" : "open",
        createdAt = task.CreatedAt,
        pickedAt = now >= task.PickedAt ? task.PickedAt : (DateTimeOffset?)null,
        lines = task.Lines.Select(l => new { l.Sku, l.Quantity }),
    };

    public static void MapCourier(RouteGroupBuilder sandbox, IOptionsMonitor<SandboxOptions> options)
    {
        var courier = sandbox.MapGroup("/courier");
        courier.MapGet("/health", async (HttpContext http, SandboxWorld world) => await world.Courier.FaultAsync(http) ?? Results.Ok(new { status = "ok" }));
        courier.MapPost("/shipments", (ShipmentInput input, HttpContext http, SandboxWorld world) => world.Courier.WriteAsync(http, () =>
        {
            if (string.IsNullOrWhiteSpace(input.Reference) || string.IsNullOrWhiteSpace(input.Recipient) || string.IsNullOrWhiteSpace(input.Address))
                return Task.FromResult(Results.Problem("A shipment needs a reference, a recipient and an address.", statusCode: 400));
            var now = world.Clock.GetUtcNow();
            var number = world.NextNumber("WB");
            var tracking = "SBX" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var shipment = new Shipment(Guid.NewGuid().ToString("N"), number, tracking, input.Reference, input.Recipient, input.Phone, input.Address, now,
                now.AddSeconds(options.CurrentValue.Courier.DeliverAfterSeconds));
            world.Shipments[tracking] = shipment;
            var body = ShipmentBody(shipment);
            world.Courier.Record("shipment.create", Reference(http) ?? input.Reference, Key(http), body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));
        courier.MapGet("/shipments/{trackingNumber}", async (string trackingNumber, HttpContext http, SandboxWorld world) =>
        {
            if (await world.Courier.FaultAsync(http) is { } failed) return failed;
            return world.Shipments.TryGetValue(trackingNumber, out var shipment) ? Results.Json(ShipmentBody(shipment)) : Results.Problem($"No shipment {trackingNumber}.", statusCode: 404);
        });
    }

    public static object ShipmentBody(Shipment s) => new
    {
        id = s.Id,
        waybill = s.Waybill,
        trackingNumber = s.TrackingNumber,
        reference = s.Reference,
        status = s.Status,
        recipient = s.Recipient,
        address = s.Address,
        createdAt = s.CreatedAt,
        deliveredAt = s.DeliveredAt,
    };

    public static void MapMessages(RouteGroupBuilder sandbox)
    {
        foreach (var channel in new[] { "sms", "mail" })
        {
            var group = sandbox.MapGroup("/" + channel);
            group.MapGet("/health", async (HttpContext http, SandboxWorld world) => await world.Find(channel)!.FaultAsync(http) ?? Results.Ok(new { status = "ok" }));
            group.MapPost("/messages", (MessageInput input, HttpContext http, SandboxWorld world) => world.Find(channel)!.WriteAsync(http, () =>
            {
                if (string.IsNullOrWhiteSpace(input.To) || string.IsNullOrWhiteSpace(input.Text))
                    return Task.FromResult(Results.Problem("A message needs a recipient ('to') and a text.", statusCode: 400));
                if (channel == "sms" && !System.Text.RegularExpressions.Regex.IsMatch(input.To, @"^\+[1-9]\d{7,14}$"))
                    return Task.FromResult(Results.Problem($"'{input.To}' is not a phone number in international format.", statusCode: 400));
                var message = new Message(Guid.NewGuid().ToString("N"), channel, input.To.Trim(), input.Subject, input.Text, Reference(http) ?? input.Reference, world.Clock.GetUtcNow());
                world.Messages.Enqueue(message);
                world.Find(channel)!.Record("message.send", message.Reference, Key(http), new { message.Id, message.To, message.Subject, message.Text });
                return Task.FromResult(Results.Json(new { id = message.Id, status = "sent", at = message.At }, statusCode: StatusCodes.Status201Created));
            }));
            group.MapGet("/messages", (SandboxWorld world) => Results.Json(world.Messages.Where(m => m.Channel == channel).Reverse().ToList()));
        }
    }

    public static string? Reference(HttpContext http) => http.Request.Headers["X-Reference"].ToString() is { Length: > 0 } reference ? reference : null;

    private static string? Key(HttpContext http) => http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key ? key : null;

    public sealed record CounterpartyInput(string Description, string? Email, string? Phone, string? CrmId);

    public sealed record LineInput(string Sku, int Quantity, decimal Price);

    public sealed record CustomerOrderInput([property: JsonPropertyName("Counterparty_Key")] Guid CounterpartyKey, string? CrmOrderId, List<LineInput>? Lines);

    public sealed record SaleInput([property: JsonPropertyName("CustomerOrder_Key")] Guid CustomerOrderKey);

    public sealed record MissingStock(string Sku, int Requested, int Free);

    public sealed record PickTaskInput(string Reference, List<LineInput>? Lines);

    public sealed record ShipmentInput(string Reference, string Recipient, string? Phone, string Address);

    public sealed record MessageInput(string To, string? Subject, string Text, string? Reference);

    /// <summary>1C's OData shapes: <c>Ref_Key</c>, <c>Number</c>, <c>Date</c>, <c>Posted</c>; errors as <c>odata.error</c>.</summary>
    private static class OData
    {
        public static IResult Error(string message) =>
            Results.Json(new Dictionary<string, object> { ["odata.error"] = new { code = "-1", message = new { lang = "en", value = message } } }, statusCode: 400);

        public static IResult NotFound(string what) =>
            Results.Json(new Dictionary<string, object> { ["odata.error"] = new { code = "-1", message = new { lang = "en", value = what + " not found." } } }, statusCode: 404);

        public static Dictionary<string, object?> Counterparty(ErpCounterparty c) => new()
        {
            ["Ref_Key"] = c.RefKey, ["Code"] = c.Code, ["Description"] = c.Description, ["Email"] = c.Email, ["Phone"] = c.Phone, ["CrmId"] = c.CrmId,
        };

        public static Dictionary<string, object?> CustomerOrder(ErpCustomerOrder o) => new()
        {
            ["Ref_Key"] = o.RefKey, ["Number"] = o.Number, ["Date"] = o.Date, ["Posted"] = true, ["Counterparty_Key"] = o.CounterpartyKey,
            ["CrmOrderId"] = o.CrmOrderId, ["Amount"] = o.Lines.Sum(l => l.Quantity * l.Price), ["Reserved"] = o.Reserved,
            ["Lines"] = o.Lines.Select(l => new { l.Sku, l.Quantity, l.Price }).ToList(),
        };

        public static Dictionary<string, object?> Reservation(ErpCustomerOrder o, List<MissingStock> missing) => new()
        {
            ["Ref_Key"] = o.RefKey, ["Number"] = o.Number, ["Reserved"] = missing.Count == 0, ["Missing"] = missing,
        };

        public static Dictionary<string, object?> Sale(ErpSale s) => new()
        {
            ["Ref_Key"] = s.RefKey, ["Number"] = s.Number, ["Date"] = s.Date, ["Posted"] = true, ["CustomerOrder_Key"] = s.CustomerOrderKey, ["Amount"] = s.Amount,
        };
    }
}
