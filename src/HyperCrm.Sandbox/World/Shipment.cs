namespace HyperCrm.Sandbox;

public sealed class Shipment(string id, string waybill, string trackingNumber, string reference, string recipient, string? phone,
    string address, DateTimeOffset createdAt, DateTimeOffset deliverAt)
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

    /// <summary>When the parcel came back to the sender (the recipient refused it or sent it back).</summary>
    public DateTimeOffset? ReturnedAt { get; set; }
    public bool WebhookSent { get; set; }
    public int WebhookAttempts { get; set; }
}
