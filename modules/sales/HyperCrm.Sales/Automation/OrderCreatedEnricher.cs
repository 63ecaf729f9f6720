using HyperCrm.Customers.Customers;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Automation;

public sealed class OrderCreatedEnricher(SalesDbContext db, ICustomerIntegrationService customers) : OrderEnricherBase(db, customers)
{
    public override string EventName => "sales.order.created";

    protected override Guid OrderIdOf(object eventData) => ((OrderCreatedEto)eventData).OrderId;

    protected override string Summarize(object eventData,
        Order order) => $"order #{order.Number} placed: {order.Total:0.##} {order.Currency}";
}
