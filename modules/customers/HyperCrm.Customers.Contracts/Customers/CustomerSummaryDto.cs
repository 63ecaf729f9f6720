namespace HyperCrm.Customers.Customers;

public sealed record CustomerSummaryDto(Guid Id, string Name, string? Email, string? Phone, IReadOnlyList<string> Tags)
{
    /// <summary>The staff member responsible for the customer.</summary>
    public Guid? OwnerId { get; init; }

    /// <summary>New, repeat or VIP by the customer's orders (null until their first order was counted).</summary>
    public CustomerSegment? Segment { get; init; }
}
