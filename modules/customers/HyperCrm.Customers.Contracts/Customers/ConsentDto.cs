namespace HyperCrm.Customers.Customers;

public sealed record ConsentDto(bool Granted, string? Source, DateTimeOffset? ChangedAt);
