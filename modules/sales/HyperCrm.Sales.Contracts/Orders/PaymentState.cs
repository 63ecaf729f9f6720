using System.Text.Json.Serialization;

namespace HyperCrm.Sales.Orders;

/// <summary>Where an order's card payment stands at the payment gateway (cash, invoice and SBP orders have none).</summary>
public enum PaymentState
{
    /// <summary>The gateway will answer later (by webhook).</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>The money is held on the card, to be captured at shipment.</summary>
    [JsonStringEnumMemberName("authorized")] Authorized,

    /// <summary>The card was refused: the order is on hold until the customer pays.</summary>
    [JsonStringEnumMemberName("declined")] Declined,

    /// <summary>Taken at shipment.</summary>
    [JsonStringEnumMemberName("captured")] Captured,

    /// <summary>The hold was released (the order was cancelled before shipment).</summary>
    [JsonStringEnumMemberName("voided")] Voided,

    /// <summary>Given back (the goods were returned).</summary>
    [JsonStringEnumMemberName("refunded")] Refunded,
}
