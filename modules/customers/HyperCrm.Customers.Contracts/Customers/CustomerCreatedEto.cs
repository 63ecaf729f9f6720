using HyperCrm.Framework.Events;

namespace HyperCrm.Customers.Customers;

[EventName("customers.customer.created")]
public sealed record CustomerCreatedEto(Guid CustomerId, string Name, CustomerKind Kind, Guid? PartnerId);
