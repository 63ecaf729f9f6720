using HyperCrm.Framework.Application;

namespace HyperCrm.Customers.Customers;

public sealed record GetCustomerListInput : PagedInput
{
    /// <summary>Matches name, email, phone (any format) or company name.</summary>
    public string? Filter { get; init; }

    public CustomerKind? Kind { get; init; }

    public string? Tag { get; init; }

    public CustomerSegment? Segment { get; init; }
}
