using HyperCrm.Customers.Customers;

namespace HyperCrm.Customers.Web.Pages.Customers;

/// <summary>The badge colour of a segment on the customer pages: VIP stands out, repeat is calm, new is plain.</summary>
public static class SegmentBadge
{
    public static string Of(CustomerSegment segment) => segment switch
    {
        CustomerSegment.Vip => "warning",
        CustomerSegment.Repeat => "info",
        _ => "light",
    };
}
