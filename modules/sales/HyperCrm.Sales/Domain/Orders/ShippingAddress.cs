namespace HyperCrm.Sales.Domain.Orders;

public sealed record ShippingAddress(string Country, string City, string Line1, string? PostalCode);
