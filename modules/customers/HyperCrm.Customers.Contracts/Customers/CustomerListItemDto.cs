namespace HyperCrm.Customers.Customers;

/// <summary>One row of a customer list: enough to find the right person at a glance.</summary>
public sealed record CustomerListItemDto(Guid Id, CustomerKind Kind, string Name, string? Email, string? Phone, string? CompanyName,
    IReadOnlyList<string> Tags, DateTimeOffset CreationTime, CustomerSegment? Segment = null);
