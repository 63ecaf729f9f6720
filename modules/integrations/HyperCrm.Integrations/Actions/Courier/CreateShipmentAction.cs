using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Integrations.Actions;

/// <summary><c>courier.create_shipment</c>: a shipment and waybill with the courier; the tracking number comes back.</summary>
public sealed class CreateShipmentAction(IntegrationsDbContext db, IOrderIntegrationService orders, ICustomerIntegrationService customers,
    ICourierApi courier, TimeProvider clock)
    : ConnectorActionBase(db, orders, clock)
{
    public override ActionDescriptor Descriptor { get; } = new("courier.create_shipment", "integrations",
        "Book the courier: a shipment and waybill; returns the tracking number", true, [])
    {
        Outputs = [new("tracking_number", FieldType.Text, "the courier's tracking number"), new("waybill", FieldType.Text,
            "the waybill number")],
    };

    protected override async Task<(ActionResult, Message?)> RunAsync(ActionContext context, OrderDto order, OrderFulfilment fulfilment,
        CancellationToken cancellationToken)
    {
        if (fulfilment.TrackingNumber is { } tracking)
            return (ActionResult.Done(Message.Of("Integrations:Run:ShipmentExists", ("tracking", tracking)),
                Outputs(tracking, fulfilment.Waybill)), null);
        var customer = await customers.FindAsync(order.CustomerId, cancellationToken);
        var a = order.ShippingAddress;
        var address = string.Join(", ", new[] { a.PostalCode, a.Country, a.City, a.Line1 }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var answer = await courier.CreateShipmentAsync(new ShipmentRequest(Reference(order), order.CustomerName, customer?.Phone, address),
            context.IdempotencyKey, Reference(order), cancellationToken);
        var number = Require.Text("courier", answer.TrackingNumber, "trackingNumber");
        var waybill = Require.Text("courier", answer.Waybill, "waybill");
        fulfilment.ShipmentCreated("sandbox", number, waybill, Clock.GetUtcNow());
        return (ActionResult.Done(Message.Of("Integrations:Run:ShipmentBooked", ("tracking", number)), Outputs(number, waybill)),
            Message.Of("Integrations:Step:Shipment", ("waybill", waybill), ("tracking", number)));
    }

    private static Dictionary<string, object?> Outputs(string tracking, string? waybill) => new() { ["tracking_number"] = tracking,
        ["waybill"] = waybill };
}
