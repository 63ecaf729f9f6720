using System.Net;
using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Timeline;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;
using Refit;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// What the connector actions share: the run's order and its fulfilment record, the order history entry, and the
/// translation of a remote refusal (4xx, an answer missing a field) into a failure retrying cannot fix. Timeouts,
/// 5xx and an open circuit stay ordinary failures: the engine retries them with backoff.
/// </summary>
public abstract class ConnectorActionBase(IntegrationsDbContext db, IOrderIntegrationService orders, TimeProvider clock) : IAutomationAction
{
    public abstract ActionDescriptor Descriptor { get; }

    protected IntegrationsDbContext Db { get; } = db;
    protected TimeProvider Clock { get; } = clock;

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubjectKind != "order" || context.SubjectId is not { } orderId) throw new PermanentActionException("The run is not about an order.");
        var order = await orders.FindAsync(orderId, cancellationToken) ?? throw new PermanentActionException($"Order {orderId} does not exist.");
        var fulfilment = await Db.Fulfilments.FirstOrDefaultAsync(f => f.Id == orderId, cancellationToken);
        if (fulfilment is null)
        {
            fulfilment = new OrderFulfilment(orderId, Clock.GetUtcNow());
            Db.Fulfilments.Add(fulfilment);
        }
        try
        {
            var (result, step) = await RunAsync(context, order, fulfilment, cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
            if (step is not null) await orders.RecordStepAsync(orderId, Descriptor.Name, ActorKind.Rule, context.RuleName, step, cancellationToken);
            return result;
        }
        catch (ApiException ex) when (ex.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests) && (int)ex.StatusCode is >= 400 and < 500)
        {
            Db.ChangeTracker.Clear();
            throw new PermanentActionException($"{Descriptor.Module} refused the call ({(int)ex.StatusCode}): {Trim(ex.Content)}");
        }
        catch (ConnectorResponseException ex)
        {
            Db.ChangeTracker.Clear();
            throw new PermanentActionException(ex.Message);
        }
        catch
        {
            // Nothing half-done stays tracked for the next step of this scope.
            Db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Does the call; returns the result and the line for the order's history (null: nothing new to record).</summary>
    protected abstract Task<(ActionResult Result, string? Step)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment, CancellationToken cancellationToken);

    protected static string Trim(string? text) => text is null ? string.Empty : text.Length > 300 ? text[..300] : text;

    protected static string Reference(OrderDto order) => order.Id.ToString();
}

/// <summary><c>erp.create_customer_order</c>: the customer as an ERP counterparty (once per customer), then the customer-order document.</summary>
public sealed class CreateErpCustomerOrderAction(IntegrationsDbContext db, IOrderIntegrationService orders, ICustomerIntegrationService customers, IErpApi erp, TimeProvider clock)
    : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("erp.create_customer_order", "integrations", "Create the customer-order document in the ERP (and the customer as a counterparty, once)", true, [])
    {
        Outputs = [new("erp_order_id", FieldType.Text, "the ERP document's key"), new("erp_number", FieldType.Text, "the ERP document number")],
    };

    protected override async Task<(ActionResult, string?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment, CancellationToken cancellationToken)
    {
        if (fulfilment.ErpOrderKey is { } existing)
            return (ActionResult.Done($"ERP customer order {fulfilment.ErpOrderNumber} exists", Outputs(existing, fulfilment.ErpOrderNumber!)), null);
        var counterparty = await Db.ErpCounterparties.FirstOrDefaultAsync(c => c.Id == order.CustomerId, cancellationToken);
        if (counterparty is null)
        {
            var customer = await customers.FindAsync(order.CustomerId, cancellationToken);
            var created = await erp.CreateCounterpartyAsync(new ErpCounterpartyRequest(customer?.Name ?? order.CustomerName, customer?.Email, customer?.Phone, order.CustomerId.ToString()),
                $"counterparty:{order.CustomerId:N}", Reference(order), cancellationToken);
            counterparty = new ErpCounterparty(order.CustomerId, Require.Text("erp", created.RefKey, "Ref_Key"), created.Code, Clock.GetUtcNow());
            Db.ErpCounterparties.Add(counterparty);
        }
        var answer = await erp.CreateCustomerOrderAsync(
            new ErpCustomerOrderRequest(counterparty.RefKey, order.Id.ToString(), [.. order.Lines.Select(l => new ErpLineRequest(l.Sku, l.Quantity, l.UnitPrice))]),
            context.IdempotencyKey, Reference(order), cancellationToken);
        var key = Require.Text("erp", answer.RefKey, "Ref_Key");
        var number = Require.Text("erp", answer.Number, "Number");
        fulfilment.ErpOrderCreated(key, number, Clock.GetUtcNow());
        return (ActionResult.Done($"ERP customer order {number} created", Outputs(key, number)), $"ERP customer order {number}");
    }

    private static Dictionary<string, object?> Outputs(string key, string number) => new() { ["erp_order_id"] = key, ["erp_number"] = number };
}

/// <summary><c>erp.reserve_stock</c>: reserves the order's lines in the ERP, all or nothing; says which SKUs are missing.</summary>
public sealed class ReserveErpStockAction(IntegrationsDbContext db, IOrderIntegrationService orders, IErpApi erp, TimeProvider clock) : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("erp.reserve_stock", "integrations", "Reserve the order's stock in the ERP (needs the ERP customer order)", true, [])
    {
        Outputs = [new("reserved", FieldType.Boolean, "whether every line is reserved"), new("missing_skus", FieldType.List, "SKUs the ERP lacks")],
    };

    protected override async Task<(ActionResult, string?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment, CancellationToken cancellationToken)
    {
        var key = fulfilment.ErpOrderKey ?? throw new PermanentActionException("The order has no ERP customer order yet: run erp.create_customer_order first.");
        var answer = await erp.ReserveAsync(key, context.IdempotencyKey, Reference(order), cancellationToken);
        var reserved = Require.Value("erp", answer.Reserved, "Reserved");
        var missing = (answer.Missing ?? []).Select(m => Require.Text("erp", m.Sku, "Missing.Sku")).ToArray();
        fulfilment.ReservationAnswered(reserved, missing.Length == 0 ? null : string.Join(", ", missing), Clock.GetUtcNow());
        var outputs = new Dictionary<string, object?> { ["reserved"] = reserved, ["missing_skus"] = missing };
        return reserved
            ? (ActionResult.Done($"stock reserved in the ERP ({fulfilment.ErpOrderNumber})", outputs), $"stock reserved ({fulfilment.ErpOrderNumber})")
            : (ActionResult.Done($"the ERP lacks {string.Join(", ", missing)}", outputs), $"stock missing: {string.Join(", ", missing)}");
    }
}

/// <summary><c>erp.post_sale_documents</c>: the sale ("realization") document for a delivered order, for accounting.</summary>
public sealed class PostErpSaleAction(IntegrationsDbContext db, IOrderIntegrationService orders, IErpApi erp, TimeProvider clock) : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("erp.post_sale_documents", "integrations", "Post the sale documents of the order to the ERP", true, [])
    {
        Outputs = [new("sale_number", FieldType.Text, "the ERP sale document number")],
    };

    protected override async Task<(ActionResult, string?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment, CancellationToken cancellationToken)
    {
        if (fulfilment.SaleDocumentNumber is { } done) return (ActionResult.Done($"sale document {done} exists", new Dictionary<string, object?> { ["sale_number"] = done }), null);
        var key = fulfilment.ErpOrderKey ?? throw new PermanentActionException("The order has no ERP customer order to sell against.");
        var answer = await erp.PostSaleAsync(new ErpSaleRequest(key), context.IdempotencyKey, Reference(order), cancellationToken);
        var number = Require.Text("erp", answer.Number, "Number");
        fulfilment.SaleDocumentsPosted(Require.Text("erp", answer.RefKey, "Ref_Key"), number, Clock.GetUtcNow());
        return (ActionResult.Done($"sale document {number} posted", new Dictionary<string, object?> { ["sale_number"] = number }), $"ERP sale document {number}");
    }
}

/// <summary><c>wms.create_pick_task</c>: sends the order to the warehouse and waits until the WMS reports it picked.</summary>
public sealed class CreatePickTaskAction(IntegrationsDbContext db, IOrderIntegrationService orders, IWmsApi wms, TimeProvider clock) : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("wms.create_pick_task", "integrations", "Send a pick task to the warehouse, then wait until it is picked", true,
    [
        new("wait_minutes", FieldType.Number, false, "how long to wait for 'picked' before the run goes on with wait.timed_out", "240"),
    ])
    {
        Outputs = [new("task_id", FieldType.Text, "the WMS task id")],
    };

    protected override async Task<(ActionResult, string?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment, CancellationToken cancellationToken)
    {
        var minutes = (double)(context.Number("wait_minutes") ?? 240);
        var wait = new WaitRequest(PickTaskPickedTrigger, order.Id, TimeSpan.FromMinutes(Math.Clamp(minutes, 1, 60 * 24 * 7)));
        if (fulfilment.PickTaskId is { } existing)
        {
            var outputs = new Dictionary<string, object?> { ["task_id"] = existing };
            return (fulfilment.PickStatus == "picked" ? ActionResult.Done($"pick task {existing} is picked", outputs) : ActionResult.Done($"pick task {existing} is open", outputs) with { Wait = wait }, null);
        }
        var answer = await wms.CreatePickTaskAsync(new PickTaskRequest(Reference(order), [.. order.Lines.Select(l => new PickLineRequest(l.Sku, l.Quantity))]),
            context.IdempotencyKey, Reference(order), cancellationToken);
        var id = Require.Text("wms", answer.Id, "id");
        fulfilment.PickTaskCreated(id, Clock.GetUtcNow());
        return (ActionResult.Done($"pick task {id} sent to the warehouse", new Dictionary<string, object?> { ["task_id"] = id }) with { Wait = wait }, $"pick task {id}");
    }

    public const string PickTaskPickedTrigger = "integrations.wms.picked";
}

/// <summary><c>courier.create_shipment</c>: a shipment and waybill with the courier; the tracking number comes back.</summary>
public sealed class CreateShipmentAction(IntegrationsDbContext db, IOrderIntegrationService orders, ICustomerIntegrationService customers, ICourierApi courier, TimeProvider clock)
    : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("courier.create_shipment", "integrations", "Book the courier: a shipment and waybill; returns the tracking number", true, [])
    {
        Outputs = [new("tracking_number", FieldType.Text, "the courier's tracking number"), new("waybill", FieldType.Text, "the waybill number")],
    };

    protected override async Task<(ActionResult, string?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment, CancellationToken cancellationToken)
    {
        if (fulfilment.TrackingNumber is { } tracking)
            return (ActionResult.Done($"shipment {tracking} exists", Outputs(tracking, fulfilment.Waybill)), null);
        var customer = await customers.FindAsync(order.CustomerId, cancellationToken);
        var a = order.ShippingAddress;
        var address = string.Join(", ", new[] { a.PostalCode, a.Country, a.City, a.Line1 }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var answer = await courier.CreateShipmentAsync(new ShipmentRequest(Reference(order), order.CustomerName, customer?.Phone, address), context.IdempotencyKey, Reference(order), cancellationToken);
        var number = Require.Text("courier", answer.TrackingNumber, "trackingNumber");
        var waybill = Require.Text("courier", answer.Waybill, "waybill");
        fulfilment.ShipmentCreated("sandbox", number, waybill, Clock.GetUtcNow());
        return (ActionResult.Done($"shipment booked: tracking {number}", Outputs(number, waybill)), $"shipment {waybill}, tracking {number}");
    }

    private static Dictionary<string, object?> Outputs(string tracking, string? waybill) => new() { ["tracking_number"] = tracking, ["waybill"] = waybill };
}

/// <summary><c>sms.send</c> and <c>email.send</c>: a message to the customer through the gateway.</summary>
public abstract class SendMessageActionBase(IntegrationsDbContext db, IOrderIntegrationService orders, IMessageApi api, TimeProvider clock) : ConnectorActionBase(db, orders, clock)
{
    protected abstract bool IsEmail { get; }

    protected override async Task<(ActionResult, string?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment, CancellationToken cancellationToken)
    {
        var to = context.Text("to") ?? throw new PermanentActionException("No recipient: the customer has no " + (IsEmail ? "email." : "phone."));
        var text = context.Text("text") ?? throw new PermanentActionException("No text.");
        var subject = IsEmail ? context.Text("subject") ?? "HyperCrm" : null;
        var answer = await api.SendAsync(new MessageRequest(to.Trim(), subject, text, Reference(order)), context.IdempotencyKey, Reference(order), cancellationToken);
        var id = Require.Text(Descriptor.Module, answer.Id, "id");
        return (ActionResult.Done($"{(IsEmail ? "email" : "SMS")} to {to} sent", new Dictionary<string, object?> { ["message_id"] = id }),
            $"{(IsEmail ? "email" : "SMS")} to {to}: {(text.Length > 120 ? text[..120] + "…" : text)}");
    }
}

public sealed class SendSmsAction(IntegrationsDbContext db, IOrderIntegrationService orders, ISmsApi sms, TimeProvider clock) : SendMessageActionBase(db, orders, sms, clock)
{
    protected override bool IsEmail => false;

    public override ActionDescriptor Descriptor { get; } = new("sms.send", "integrations", "Send an SMS to the customer", true,
    [
        new("to", FieldType.Text, true, "the phone number (E.164)", "{{customer.phone}}"),
        new("text", FieldType.Text, true, "the message", "Your order #{{order.number}} has shipped"),
    ])
    {
        Outputs = [new("message_id", FieldType.Text, "the gateway's message id")],
    };
}

public sealed class SendEmailAction(IntegrationsDbContext db, IOrderIntegrationService orders, IEmailApi email, TimeProvider clock) : SendMessageActionBase(db, orders, email, clock)
{
    protected override bool IsEmail => true;

    public override ActionDescriptor Descriptor { get; } = new("email.send", "integrations", "Send an email to the customer", true,
    [
        new("to", FieldType.Text, true, "the email address", "{{customer.email}}"),
        new("subject", FieldType.Text, true, "the subject", "Order #{{order.number}} has shipped"),
        new("text", FieldType.Text, true, "the message", "Tracking number: {{steps.ship.tracking_number}}"),
    ])
    {
        Outputs = [new("message_id", FieldType.Text, "the mail service's message id")],
    };
}
