namespace HyperCrm.Customers.Customers;

public sealed record AddressDto(string? Country, string? City, string? Line1, string? PostalCode);
