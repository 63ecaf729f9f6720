namespace HyperCrm.Intelligence;

/// <summary>Where the customer segments begin, as Settings → AI edits them.</summary>
public sealed record SegmentThresholdsDto
{
    /// <summary>VIP from this much spent within the window.</summary>
    public decimal VipSpent { get; init; }

    /// <summary>…or from this many orders within the window.</summary>
    public int VipOrders { get; init; }

    /// <summary>Repeat from this many orders in all (new below).</summary>
    public int RepeatOrders { get; init; }

    /// <summary>The window, in days back from now.</summary>
    public int WindowDays { get; init; }
}
