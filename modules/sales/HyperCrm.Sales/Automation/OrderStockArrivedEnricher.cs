using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Sales.Automation;

/// <summary>The order whose missing stock arrived, with its customer, for the rule that reserves and ships it.</summary>
public sealed class OrderStockArrivedEnricher(SalesDbContext db, ICustomerIntegrationService customers) : OrderEnricherBase(db, customers)
{
    public override string EventName => "sales.order.stock_arrived";

    protected override Guid OrderIdOf(object eventData) => ((OrderStockArrivedEto)eventData).OrderId;

    protected override Message Summarize(object eventData, Order order) =>
        Message.Of("Sales:Run:StockArrived", ("number", order.Number), ("skus", ((OrderStockArrivedEto)eventData).Skus));
}
