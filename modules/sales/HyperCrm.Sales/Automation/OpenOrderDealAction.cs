using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Deals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace HyperCrm.Sales.Automation;

/// <summary>
/// <c>sales.open_order_deal</c>: puts the run's order on the sales board as a deal in the "Web orders" pipeline (its total,
/// its customer and the customer's manager), so sales see the shop's revenue next to their own deals. One deal per order:
/// a second call (a re-executed step, a second rule) finds the first.
/// </summary>
public sealed class OpenOrderDealAction(SalesDbContext db, ICustomerIntegrationService customers, IStringLocalizer<SalesResource> l,
    IConfiguration configuration) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("sales.open_order_deal", "sales",
        "Open a deal for the order in the Web orders pipeline (once per order)", HasSideEffects: true, [])
    {
        Outputs = [new("deal_id", FieldType.Text, "the order's deal")],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubjectKind != "order" || context.SubjectId is not { } orderId)
            throw new PermanentActionException("The run is not about an order.");
        if (await db.Deals.AsNoTracking().Where(d => d.OrderId == orderId).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken)
            is { } existing)
            return Done(Message.Of("Sales:Run:OrderDealKept"), existing);
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new PermanentActionException($"Order {orderId} does not exist.");
        var pipeline = await db.Pipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Key == Pipeline.WebOrdersKey, cancellationToken)
            ?? throw new PermanentActionException("The Web orders pipeline is missing.");
        var owner = (await customers.FindAsync(order.CustomerId, cancellationToken))?.OwnerId;
        // The deal's title is data everyone reads: in the installation's language, like the pipeline's name.
        string title;
        using (InstallationCulture.Use(InstallationCulture.Of(configuration)))
            title = l["Deals:OrderDealTitle", order.Number, order.CustomerName].Value;
        var deal = Deal.ForOrder(Guid.CreateVersion7(), title, order.Id,
            order.Total, order.Currency, order.CustomerId, owner, order.PartnerId, pipeline);
        db.Deals.Add(deal);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another run opened it at the same moment: that one is the order's deal.
            db.Entry(deal).State = EntityState.Detached;
            var theirs = await db.Deals.AsNoTracking().Where(d => d.OrderId == orderId).Select(d => d.Id).FirstAsync(cancellationToken);
            return Done(Message.Of("Sales:Run:OrderDealKept"), theirs);
        }
        return Done(Message.Of("Sales:Run:OrderDealOpened", ("number", order.Number), ("pipeline", pipeline.Name)), deal.Id);
    }

    private static ActionResult Done(Message summary, Guid dealId) =>
        ActionResult.Done(summary, new Dictionary<string, object?> { ["deal_id"] = dealId.ToString() });
}
