using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Automation;

public sealed class OrderCreatedEnricher(SalesDbContext db, ICustomerIntegrationService customers) : OrderEnricherBase(db, customers)
{
    public override string EventName => "sales.order.created";

    protected override Guid OrderIdOf(object eventData) => ((OrderCreatedEto)eventData).OrderId;

    protected override Message Summarize(object eventData, Order order) =>
        Message.Of("Sales:Run:OrderPlaced", ("number", order.Number), ("total", order.Total), ("currency", order.Currency));
}
