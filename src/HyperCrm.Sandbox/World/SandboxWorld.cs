using System.Collections.Concurrent;

namespace HyperCrm.Sandbox;

/// <summary>
/// The state of every simulator, thread-safe. Each change is also written to the <see cref="SandboxJournal"/> (when it has
/// a directory) and read back here at start, so the world survives a restart; <see cref="Reset"/> forgets it on purpose.
/// </summary>
public sealed class SandboxWorld
{
    public SandboxWorld(TimeProvider clock, SandboxJournal journal)
    {
        Clock = clock;
        Journal = journal;
        Shop = new SimulatedService("shop", clock, journal);
        Erp = new SimulatedService("erp", clock, journal);
        Wms = new SimulatedService("wms", clock, journal);
        Courier = new SimulatedService("courier", clock, journal);
        Sms = new SimulatedService("sms", clock, journal);
        Mail = new SimulatedService("mail", clock, journal);
        Supplier = new SimulatedService("supplier", clock, journal);
        Payments = new SimulatedService("payments", clock, journal);
        ResetStock(journaled: false);
        Restore();
    }

    public TimeProvider Clock { get; }
    public SandboxJournal Journal { get; }
    public SimulatedService Shop { get; }
    public SimulatedService Erp { get; }
    public SimulatedService Wms { get; }
    public SimulatedService Courier { get; }
    public SimulatedService Sms { get; }
    public SimulatedService Mail { get; }
    public SimulatedService Supplier { get; }
    public SimulatedService Payments { get; }

    public IEnumerable<SimulatedService> Services => [Shop, Erp, Wms, Courier, Sms, Mail, Supplier, Payments];

    public SimulatedService? Find(string name) => Services.FirstOrDefault(s => s.Name == name);

    public Lock StockGate { get; } = new();

    /// <summary>How long the warehouse takes to pick, when a test or demo says so (else the configured time).</summary>
    public double? PickAfterSeconds { get; set; }
    public Dictionary<string, StockItem> Stock { get; } = new(StringComparer.OrdinalIgnoreCase);
    public ConcurrentDictionary<Guid, ErpCounterparty> Counterparties { get; } = new();
    public ConcurrentDictionary<Guid, ErpCustomerOrder> CustomerOrders { get; } = new();
    public ConcurrentDictionary<Guid, ErpSale> Sales { get; } = new();
    public ConcurrentDictionary<Guid, ErpReturn> Returns { get; } = new();
    public ConcurrentDictionary<Guid, PickTask> PickTasks { get; } = new();
    public ConcurrentDictionary<string, Payment> CardPayments { get; } = new(StringComparer.Ordinal);

    /// <summary>How the gateway answers new authorizations, when a test or demo says so: <c>approve</c> (the default),
    /// <c>decline</c>, or <c>late</c> (pending, then approved by webhook after <see cref="PaymentLateSeconds"/>).</summary>
    public string PaymentMode { get; set; } = "approve";
    public double PaymentLateSeconds { get; set; } = 5;
    public ConcurrentDictionary<string, Shipment> Shipments { get; } = new(StringComparer.Ordinal);
    public ConcurrentQueue<Message> Messages { get; } = new();

    /// <summary>The shop's mailbox: customers' emails, in arrival order.</summary>
    public ConcurrentQueue<IncomingMail> Inbox { get; } = new();

    private long _mailSequence;
    public ConcurrentDictionary<string, PurchaseOrder> PurchaseOrders { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, string> SupplierSessions { get; } = new(StringComparer.Ordinal);

    /// <summary>For tests and demos of a robot's bad day: the portal refuses every sign-in (its account locked), or its order
    /// form has changed (the quantity field renamed). Not journaled: a restart brings the portal back to normal.</summary>
    public bool SupplierRefusesSignIn { get; set; }

    /// <inheritdoc cref="SupplierRefusesSignIn"/>
    public bool SupplierPageChanged { get; set; }

    private long _documentNumber;

    public string NextNumber(string prefix)
    {
        var number = Interlocked.Increment(ref _documentNumber);
        Journal.Append(JournalKinds.Number, number);
        return $"{prefix}-{number:000000}";
    }

    public void Save(ErpCounterparty counterparty)
    {
        Counterparties[counterparty.RefKey] = counterparty;
        Journal.Append(JournalKinds.Counterparty, counterparty);
    }

    public void Save(ErpCustomerOrder order)
    {
        CustomerOrders[order.RefKey] = order;
        Journal.Append(JournalKinds.CustomerOrder, order);
    }

    public void Save(ErpSale sale)
    {
        Sales[sale.RefKey] = sale;
        Journal.Append(JournalKinds.Sale, sale);
    }

    public void Save(ErpReturn document)
    {
        Returns[document.RefKey] = document;
        Journal.Append(JournalKinds.Return, document);
    }

    public void Save(Payment payment)
    {
        CardPayments[payment.Id] = payment;
        Journal.Append(JournalKinds.Payment, payment);
    }

    public void Save(PickTask task)
    {
        PickTasks[task.Id] = task;
        Journal.Append(JournalKinds.PickTask, task);
    }

    public void Save(Shipment shipment)
    {
        Shipments[shipment.TrackingNumber] = shipment;
        Journal.Append(JournalKinds.Shipment, shipment);
    }

    public void Save(Message message)
    {
        Messages.Enqueue(message);
        Journal.Append(JournalKinds.Message, message);
    }

    /// <summary>A customer writes to the shop: the mail gets the next number and is kept.</summary>
    public IncomingMail Receive(string from, string? name, string? subject, string text)
    {
        lock (Inbox)
        {
            var mail = new IncomingMail(++_mailSequence, Guid.NewGuid().ToString("N"), from.Trim(), name?.Trim(), subject?.Trim(),
                text.Trim(), Clock.GetUtcNow());
            Inbox.Enqueue(mail);
            Journal.Append(JournalKinds.IncomingMail, mail);
            return mail;
        }
    }

    public void Save(PurchaseOrder order)
    {
        PurchaseOrders[order.FormToken] = order;
        Journal.Append(JournalKinds.PurchaseOrder, order);
    }

    /// <summary>Stock levels changed (call under <see cref="StockGate"/>).</summary>
    public void SaveStock(IEnumerable<StockItem> items)
    {
        foreach (var item in items) Journal.Append(JournalKinds.Stock, item);
    }

    public void SaveSession(string session, string userName)
    {
        SupplierSessions[session] = userName;
        Journal.Append(JournalKinds.Session, new KeyValuePair<string, string>(session, userName));
    }

    /// <summary>The demo catalog of docs/api.md: SKU-001…SKU-050 in stock, OOS-001…OOS-010 only at the supplier.</summary>
    private void ResetStock(bool journaled)
    {
        lock (StockGate)
        {
            Stock.Clear();
            for (var i = 1; i <= 50; i++) Stock[$"SKU-{i:000}"] = new StockItem($"SKU-{i:000}", $"Demo product {i:000}", 490m + (i * 100),
                1000, 0);
            for (var i = 1; i <= 10; i++) Stock[$"OOS-{i:000}"] = new StockItem($"OOS-{i:000}", $"Supplier item {i:000}", 990m + (i * 100),
                0, 0);
            if (journaled) SaveStock(Stock.Values);
        }
    }

    public void Reset()
    {
        Journal.Clear();
        Interlocked.Exchange(ref _documentNumber, 0);
        SupplierSessions.Clear();
        (SupplierRefusesSignIn, SupplierPageChanged) = (false, false);
        foreach (var service in Services) service.Reset();
        PickAfterSeconds = null;
        PaymentMode = "approve";
        CardPayments.Clear();
        Counterparties.Clear();
        CustomerOrders.Clear();
        Sales.Clear();
        Returns.Clear();
        PickTasks.Clear();
        Shipments.Clear();
        Messages.Clear();
        Inbox.Clear();
        _mailSequence = 0;
        PurchaseOrders.Clear();
        ResetStock(journaled: false);
    }

    /// <summary>Reads the journal back: each line is the latest state of one thing, applied in order.</summary>
    private void Restore()
    {
        foreach (var record in Journal.ReadAll())
        {
            switch (record.Kind)
            {
                case JournalKinds.Number:
                    _documentNumber = Math.Max(_documentNumber, SandboxJournal.Read<long>(record));
                    break;
                case JournalKinds.Counterparty:
                    var counterparty = SandboxJournal.Read<ErpCounterparty>(record);
                    Counterparties[counterparty.RefKey] = counterparty;
                    break;
                case JournalKinds.CustomerOrder:
                    var order = SandboxJournal.Read<ErpCustomerOrder>(record);
                    CustomerOrders[order.RefKey] = order;
                    break;
                case JournalKinds.Sale:
                    var sale = SandboxJournal.Read<ErpSale>(record);
                    Sales[sale.RefKey] = sale;
                    break;
                case JournalKinds.Return:
                    var returned = SandboxJournal.Read<ErpReturn>(record);
                    Returns[returned.RefKey] = returned;
                    break;
                case JournalKinds.Payment:
                    var payment = SandboxJournal.Read<Payment>(record);
                    CardPayments[payment.Id] = payment;
                    break;
                case JournalKinds.PickTask:
                    var task = SandboxJournal.Read<PickTask>(record);
                    PickTasks[task.Id] = task;
                    break;
                case JournalKinds.Shipment:
                    var shipment = SandboxJournal.Read<Shipment>(record);
                    Shipments[shipment.TrackingNumber] = shipment;
                    break;
                case JournalKinds.Message:
                    Messages.Enqueue(SandboxJournal.Read<Message>(record));
                    break;
                case JournalKinds.IncomingMail:
                    var mail = SandboxJournal.Read<IncomingMail>(record);
                    Inbox.Enqueue(mail);
                    _mailSequence = Math.Max(_mailSequence, mail.Sequence);
                    break;
                case JournalKinds.PurchaseOrder:
                    var purchase = SandboxJournal.Read<PurchaseOrder>(record);
                    PurchaseOrders[purchase.FormToken] = purchase;
                    break;
                case JournalKinds.Stock:
                    var item = SandboxJournal.Read<StockItem>(record);
                    Stock[item.Sku] = item;
                    break;
                case JournalKinds.Session:
                    var session = SandboxJournal.Read<KeyValuePair<string, string>>(record);
                    SupplierSessions[session.Key] = session.Value;
                    break;
                case JournalKinds.Ledger:
                    var remembered = SandboxJournal.Read<RememberedEntry>(record);
                    Find(remembered.Service)?.Restore(remembered.Entry);
                    break;
                case JournalKinds.Answer:
                    var answer = SandboxJournal.Read<RememberedAnswer>(record);
                    Find(answer.Service)?.Restore(answer);
                    break;
            }
        }
    }
}
