namespace HyperCrm.Customers.Customers;

public sealed record CustomerMatchDto(Guid CustomerId, bool Created, string MatchedBy);
