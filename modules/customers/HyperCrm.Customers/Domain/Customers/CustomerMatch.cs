namespace HyperCrm.Customers.Domain.Customers;

/// <summary>The customer an incoming order or partner record was matched to (or made for), and how.</summary>
public sealed record CustomerMatch(Customer Customer, bool Created, string MatchedBy);
