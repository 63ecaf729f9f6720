using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Domain.Products;
using HyperCrm.Sales.Orders;
using HyperCrm.Sales.Products;

namespace HyperCrm.Sales.Application;

public static class SalesMapper
{
    /// <summary>The order as the API and pages show it; <paramref name="words"/> words the risk reasons for the reader (none:
    /// the reasons are left out).</summary>
    public static OrderDto ToDto(this Order o, MessageFormatter? words = null) => new(
        o.Id, o.Number, o.ExternalId, o.Status, o.CustomerId, o.CustomerName, o.Currency, o.Total, o.PaymentMethod,
        new ShippingAddressDto { Country = o.ShippingAddress.Country, City = o.ShippingAddress.City, Line1 = o.ShippingAddress.Line1,
            PostalCode = o.ShippingAddress.PostalCode },
        o.Lines.Select(l => new OrderLineDto(l.Sku, l.Name, l.Quantity, l.UnitPrice, l.LineTotal)).ToList(),
        o.TrackingNumber, Segment: null, RiskScore: o.RiskScore,
        RiskReasons: words is null ? [] : o.RiskReasons.Select(words.Format).ToList(),
        o.CreationTime, o.LastModificationTime, o.Payment, o.PaymentReason, o.RiskModel);

    /// <summary>A step with its reason worded in the reader's language.</summary>
    public static OrderStepDto ToDto(this OrderStep s, MessageFormatter words) =>
        new(s.At, s.What, s.Status, s.ActorKind, s.ActorName, s.Reason is null ? null : words.Format(s.Reason));

    public static ProductDto ToDto(this Product p) => new(p.Sku, p.Name, p.Price, p.Currency, p.StockOnHand, p.StockReserved, p.Available);
}
