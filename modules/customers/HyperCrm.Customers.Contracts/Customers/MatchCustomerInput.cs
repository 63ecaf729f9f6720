namespace HyperCrm.Customers.Customers;

public sealed record MatchCustomerInput(string Name, string? Email, string? Phone, Guid? PartnerId, string Source);
