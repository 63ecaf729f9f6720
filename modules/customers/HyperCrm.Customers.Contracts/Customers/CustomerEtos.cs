using HyperCrm.Framework.Events;

namespace HyperCrm.Customers.Customers;

[EventName("customers.customer.created")]
public sealed record CustomerCreatedEto(Guid CustomerId, string Name, CustomerKind Kind, Guid? PartnerId);

[EventName("customers.customer.updated")]
public sealed record CustomerUpdatedEto(Guid CustomerId, IReadOnlyList<string> ChangedFields);

[EventName("customers.customer.merged")]
public sealed record CustomersMergedEto(Guid WinnerId, Guid LoserId);
