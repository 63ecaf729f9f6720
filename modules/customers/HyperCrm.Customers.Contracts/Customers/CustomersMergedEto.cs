using HyperCrm.Framework.Events;

namespace HyperCrm.Customers.Customers;

[EventName("customers.customer.merged")]
public sealed record CustomersMergedEto(Guid WinnerId, Guid LoserId);
