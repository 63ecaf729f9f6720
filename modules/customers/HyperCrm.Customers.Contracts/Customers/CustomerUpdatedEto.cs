using HyperCrm.Framework.Events;

namespace HyperCrm.Customers.Customers;

[EventName("customers.customer.updated")]
public sealed record CustomerUpdatedEto(Guid CustomerId, IReadOnlyList<string> ChangedFields);
