using HyperCrm.Framework.Domain;

namespace HyperCrm.Sales.Domain.Orders;

/// <summary>An order ships only with the courier's tracking number, so the customer and the webhooks can follow it.</summary>
public sealed class ShippingNeedsATrackingNumberRule(string? trackingNumber) : IBusinessRule
{
    public string Code => "Sales:TrackingNumberRequired";
    public string Message => "An order ships only with the courier's tracking number.";
    public bool IsBroken() => string.IsNullOrWhiteSpace(trackingNumber);
}
