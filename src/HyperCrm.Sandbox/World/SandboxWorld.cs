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
            for (var i = 1; i <= 50; i++) Stock[$"SKU-{i:000}"] = new StockItem($"SKU-{i:000}", $"Demo product {i:000}", 490m + (i * 100),
                1000, 0);
            for (var i = 1; i <= 10; i++) Stock[$"OOS-{i:000}"] = new StockItem($"OOS-{i:000}", $"Supplier item {i:000}", 990m + (i * 100),
                0, 0);
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
