using HyperCrm.Framework.Domain;

namespace HyperCrm.Integrations.Domain;

/// <summary>
/// What the outside systems did for one order: its ERP documents, reservation, pick task, shipment. The key is the
/// order id. Raises <see cref="PickTaskPickedEto"/> and <see cref="ShipmentStatusChangedEto"/> for rules to react to.
/// </summary>
public sealed class OrderFulfilment : AggregateRoot<Guid>
{
    public string? ErpOrderKey { get; private set; }
    public string? ErpOrderNumber { get; private set; }
    public bool Reserved { get; private set; }
    public string? MissingStock { get; private set; }

    /// <summary>Whether the order was told its stock arrived since the ERP last said stock was missing: once per shortage (a
    /// reservation that fails again makes the order wait for the next arrival).</summary>
    public bool StockArrivalAnnounced { get; private set; }

    public string? PickTaskId { get; private set; }
    public string? PickStatus { get; private set; }
    public DateTimeOffset? PickCheckedAt { get; private set; }

    /// <summary>Failed checks of the pick task in a row: each waits longer before the next (<see cref="PickCheckFailed"/>).</summary>
    public int PickFailures { get; private set; }

    /// <summary>The longest wait between two checks of a pick task the WMS keeps failing to answer about.</summary>
    public static readonly TimeSpan MaxPickBackoff = TimeSpan.FromMinutes(5);
    public string? CourierProvider { get; private set; }
    public string? TrackingNumber { get; private set; }
    public string? Waybill { get; private set; }
    public string? ShipmentStatus { get; private set; }
    public string? SaleDocumentKey { get; private set; }
    public string? SaleDocumentNumber { get; private set; }

    /// <summary>The ERP customer order was closed without shipping (the order was cancelled, or came back unsold).</summary>
    public bool ErpOrderClosed { get; private set; }
    public string? ReturnDocumentKey { get; private set; }
    public string? ReturnDocumentNumber { get; private set; }

    /// <summary>The card payment at the gateway: its id, where it stands, and the gateway's words for a refusal.</summary>
    public string? PaymentId { get; private set; }
    public string? PaymentStatus { get; private set; }
    public string? PaymentReason { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private OrderFulfilment() { }

    public OrderFulfilment(Guid orderId, DateTimeOffset now) : base(orderId) => UpdatedAt = now;

    public void ErpOrderCreated(string key, string number, DateTimeOffset now)
    {
        ErpOrderKey = key;
        ErpOrderNumber = number;
        UpdatedAt = now;
    }

    public void ReservationAnswered(bool reserved, string? missing, DateTimeOffset now)
    {
        Reserved = reserved;
        MissingStock = missing;
        StockArrivalAnnounced = false;
        UpdatedAt = now;
    }

    /// <summary>The ERP now has enough of what this order lacked, and the order was told.</summary>
    public void StockArrived(DateTimeOffset now)
    {
        StockArrivalAnnounced = true;
        UpdatedAt = now;
    }

    /// <summary>
    /// The WMS could not answer about the task: the next check waits 2, 4, 8 … seconds (at most
    /// <see cref="MaxPickBackoff"/>), so a task that keeps failing neither repeats every poll nor holds back the others.
    /// </summary>
    public void PickCheckFailed(DateTimeOffset now)
    {
        PickFailures++;
        PickCheckedAt = now + TimeSpan.FromSeconds(Math.Min(MaxPickBackoff.TotalSeconds, Math.Pow(2, Math.Min(PickFailures, 16))));
        UpdatedAt = now;
    }

    /// <summary>The WMS no longer knew the task; it was sent again and is known by a new id.</summary>
    public void PickTaskReplaced(string taskId, DateTimeOffset now)
    {
        PickTaskId = taskId;
        PickCheckedAt = now;
        UpdatedAt = now;
    }

    public void PickTaskCreated(string taskId, DateTimeOffset now)
    {
        PickTaskId = taskId;
        PickStatus ??= "open";
        PickCheckedAt = now;
        UpdatedAt = now;
    }

    public void PickChecked(string status, DateTimeOffset now)
    {
        PickCheckedAt = now;
        PickFailures = 0;
        if (status != "picked" || PickStatus == "picked") return;
        PickStatus = "picked";
        UpdatedAt = now;
        AddDistributedEvent(new PickTaskPickedEto(Id, PickTaskId!));
    }

    public void ShipmentCreated(string provider, string trackingNumber, string waybill, DateTimeOffset now)
    {
        CourierProvider = provider;
        TrackingNumber = trackingNumber;
        Waybill = waybill;
        ShipmentStatus ??= "created";
        UpdatedAt = now;
    }

    /// <summary>The courier's news; the same status twice is news once.</summary>
    public bool ShipmentStatusReported(string provider, string status, DateTimeOffset now)
    {
        if (ShipmentStatus == status) return false;
        ShipmentStatus = status;
        UpdatedAt = now;
        AddDistributedEvent(new ShipmentStatusChangedEto(Id, provider, TrackingNumber ?? string.Empty, status));
        return true;
    }

    public void ReservationReleased(DateTimeOffset now)
    {
        Reserved = false;
        UpdatedAt = now;
    }

    /// <summary>Closing the ERP order releases whatever it still reserved.</summary>
    public void ErpOrderWasClosed(DateTimeOffset now)
    {
        ErpOrderClosed = true;
        Reserved = false;
        UpdatedAt = now;
    }

    /// <summary>The WMS stopped the task ("cancelled") or put its picked goods back ("restocked"): nobody checks it again.</summary>
    public void PickTaskCancelled(string status, DateTimeOffset now)
    {
        PickStatus = status is "restocked" ? "restocked" : "cancelled";
        UpdatedAt = now;
    }

    public bool PickTaskEnded => PickStatus is "cancelled" or "restocked";

    /// <summary>We cancelled the shipment before delivery (not the courier's news, so no rule hears of it).</summary>
    public void ShipmentCancelled(DateTimeOffset now)
    {
        ShipmentStatus = "cancelled";
        UpdatedAt = now;
    }

    public void ReturnPosted(string key, string number, DateTimeOffset now)
    {
        ReturnDocumentKey = key;
        ReturnDocumentNumber = number;
        UpdatedAt = now;
    }

    /// <summary>The gateway answered a call about the payment (authorize, capture, void, refund).</summary>
    public void PaymentAnswered(string paymentId, string status, string? reason, DateTimeOffset now)
    {
        PaymentId = paymentId;
        PaymentStatus = status;
        PaymentReason = reason;
        UpdatedAt = now;
    }

    /// <summary>The gateway's late news (its webhook); the same news twice is news once, and raises the event rules hear.</summary>
    public bool PaymentReported(string status, string? reason, DateTimeOffset now)
    {
        if (PaymentStatus == status) return false;
        PaymentStatus = status;
        PaymentReason = reason;
        UpdatedAt = now;
        AddDistributedEvent(new PaymentStatusChangedEto(Id, PaymentId ?? string.Empty, status, reason));
        return true;
    }

    public void SaleDocumentsPosted(string key, string number, DateTimeOffset now)
    {
        SaleDocumentKey = key;
        SaleDocumentNumber = number;
        UpdatedAt = now;
    }
}
