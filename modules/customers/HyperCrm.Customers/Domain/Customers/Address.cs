namespace HyperCrm.Customers.Domain.Customers;

/// <summary>A postal address; empty parts are null.</summary>
public sealed record Address(string? Country, string? City, string? Line1, string? PostalCode)
{
    public static readonly Address Empty = new(null, null, null, null);

    public bool IsEmpty => Country is null && City is null && Line1 is null && PostalCode is null;
}
