using System.Collections.Concurrent;

namespace HyperCrm.Sandbox;

/// <summary>The state of every simulator, in memory (a sandbox restarts clean), thread-safe.</summary>
public sealed class SandboxWorld
{
    public SandboxWorld(TimeProvider clock)
    {
        Clock = clock;
        Shop = new SimulatedService("shop", clock);
        Erp = new SimulatedService("erp", clock);
        Wms = new SimulatedService("wms", clock);
        Courier = new SimulatedService("courier", clock);
        Sms = new SimulatedService("sms", clock);
        Mail = new SimulatedService("mail", clock);
        Supplier = new SimulatedService("supplier", clock);
        ResetStock();
    }

    public TimeProvider Clock { get; }
    public SimulatedService Shop { get; }
    public SimulatedService Erp { get; }
    public SimulatedService Wms { get; }
    public SimulatedService Courier { get; }
    public SimulatedService Sms { get; }
    public SimulatedService Mail { get; }
    public SimulatedService Supplier { get; }

    public IEnumerable<SimulatedService> Services => [Shop, Erp, Wms, Courier, Sms, Mail, Supplier];

    public SimulatedService? Find(string name) => Services.FirstOrDefault(s => s.Name == name);

    public Lock StockGate { get; } = new();
    public Dictionary<string, StockItem> Stock { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentDictionary<Guid, ErpCounterparty> Counterparties { get; } = new();
    public ConcurrentDictionary<Guid, ErpCustomerOrder> CustomerOrders { get; } = new();
    public ConcurrentDictionary<Guid, ErpSale> Sales { get; } = new();
    public ConcurrentDictionary<Guid, PickTask> PickTasks { get; } = new();
    public ConcurrentDictionary<string, Shipment> Shipments { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<Message> Messages { get; } = new();
    public ConcurrentDictionary<string, PurchaseOrder> PurchaseOrders { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, string> SupplierSessions { get; } = new(StringComparer.Ordinal);

    private long _documentNumber;

    public string NextNumber(string prefix) => $"{prefix}-{Interlocked.Increment(ref _documentNumber):000000}";

    /// <summary>The demo catalog of docs/api.md: SKU-001…SKU-050 in stock, OOS-001…OOS-010 only at the supplier.</summary>
    public void ResetStock()
    {
        lock (StockGate)
        {
            Stock.Clear();
            for (var i = 1; i <= 50; i++) Stock[$"SKU-{i:000}"] = new StockItem($"SKU-{i:000}", $"Demo product {i:000}", 490m + (i * 100), 1000, 0);
            for (var i = 1; i <= 10; i++) Stock[$"OOS-{i:000}"] = new StockItem($"OOS-{i:000}", $"Supplier item {i:000}", 990m + (i * 100), 0, 0);
        }
    }

    public void Reset()
    {
        foreach (var service in Services) service.Reset();
        Counterparties.Clear();
        CustomerOrders.Clear();
        Sales.Clear();
        PickTasks.Clear();
        Shipments.Clear();
        Messages.Clear();
        PurchaseOrders.Clear();
        ResetStock();
    }
}

public sealed class StockItem(string sku, string description, decimal price, int onHand, int reserved)
{
    public string Sku { get; } = sku;
    public string Description { get; } = description;
    public decimal Price { get; } = price;
    public int OnHand { get; set; } = onHand;
    public int Reserved { get; set; } = reserved;
    public int Free => OnHand - Reserved;
}

public sealed record ErpCounterparty(Guid RefKey, string Code, string Description, string? Email, string? Phone, string? CrmId);

public sealed record ErpLine(string Sku, int Quantity, decimal Price);

public sealed class ErpCustomerOrder(Guid refKey, string number, Guid counterpartyKey, string? crmOrderId, IReadOnlyList<ErpLine> lines, DateTimeOffset date)
{
    public Guid RefKey { get; } = refKey;
    public string Number { get; } = number;
    public Guid CounterpartyKey { get; } = counterpartyKey;
    public string? CrmOrderId { get; } = crmOrderId;
    public IReadOnlyList<ErpLine> Lines { get; } = lines;
    public DateTimeOffset Date { get; } = date;
    public bool Reserved { get; set; }
    public bool Shipped { get; set; }
}

public sealed record ErpSale(Guid RefKey, string Number, Guid CustomerOrderKey, decimal Amount, DateTimeOffset Date);

public sealed class PickTask(Guid id, string reference, IReadOnlyList<ErpLine> lines, DateTimeOffset createdAt, DateTimeOffset pickedAt)
{
    public Guid Id { get; } = id;
    public string Reference { get; } = reference;
    public IReadOnlyList<ErpLine> Lines { get; } = lines;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset PickedAt { get; } = pickedAt;
}

public sealed class Shipment(string id, string waybill, string trackingNumber, string reference, string recipient, string? phone, string address, DateTimeOffset createdAt, DateTimeOffset deliverAt)
{
    public string Id { get; } = id;
    public string Waybill { get; } = waybill;
    public string TrackingNumber { get; } = trackingNumber;
    public string Reference { get; } = reference;
    public string Recipient { get; } = recipient;
    public string? Phone { get; } = phone;
    public string Address { get; } = address;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset DeliverAt { get; } = deliverAt;
    public string Status { get; set; } = "created";
    public DateTimeOffset? DeliveredAt { get; set; }
    public bool WebhookSent { get; set; }
    public int WebhookAttempts { get; set; }
}

public sealed record Message(string Id, string Channel, string To, string? Subject, string Text, string? Reference, DateTimeOffset At);

public sealed class PurchaseOrder(string number, string formToken, IReadOnlyList<ErpLine> lines, string? note, DateTimeOffset placedAt, DateTimeOffset deliverAt)
{
    public string Number { get; } = number;
    public string FormToken { get; } = formToken;
    public IReadOnlyList<ErpLine> Lines { get; } = lines;
    public string? Note { get; } = note;
    public DateTimeOffset PlacedAt { get; } = placedAt;
    public DateTimeOffset DeliverAt { get; } = deliverAt;
    public bool Delivered { get; set; }
}
