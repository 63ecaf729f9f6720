namespace HyperCrm.Sales.Orders;

/// <summary>The moves a person may make on an order from its page; each asks for what it needs.</summary>
public enum OrderMove
{
    /// <summary>Put a new order aside; needs a reason.</summary>
    Hold,

    /// <summary>Take an order off hold.</summary>
    Release,

    /// <summary>Hand a picked order to the courier; needs the tracking number.</summary>
    Ship,

    /// <summary>Confirm a shipped order arrived.</summary>
    Deliver,

    /// <summary>Close a delivered order.</summary>
    Complete,

    /// <summary>Cancel an order that has not shipped.</summary>
    Cancel,

    /// <summary>Give up on a shipped order (lost, refused); needs a reason.</summary>
    Fail,

    /// <summary>The goods of a shipped, delivered or completed order come back (staff's "cancel" after shipment).</summary>
    Return,
}
