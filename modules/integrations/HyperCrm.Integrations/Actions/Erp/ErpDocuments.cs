using System.Net;
using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;
using Refit;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// The ERP documents an order's steps refer to: the customer's counterparty and the order's customer-order document. When
/// the ERP answers that one it gave us no longer exists (restored from a backup, deleted by an accountant, a reset
/// sandbox), it is made again once, under an idempotency key derived from the stale reference (so a retried heal makes it
/// once), and the caller's call is repeated; the <see cref="ErpHeal"/> says so for the run log. A second refusal is for the
/// caller to report.
/// </summary>
public sealed class ErpDocuments(IntegrationsDbContext db, ICustomerIntegrationService customers, IErpApi erp, TimeProvider clock)
{
    /// <summary>The ERP said that a document or counterparty we referred to does not exist.</summary>
    public static bool IsMissingReference(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.StatusCode == HttpStatusCode.NotFound || (exception.StatusCode == HttpStatusCode.BadRequest
            && exception.Content is { } content && (content.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
                || content.Contains("not found", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Creates the order's customer-order document (and the counterparty, once); heals a stale counterparty.</summary>
    public async Task<(string Key, string Number, ErpHeal? Healed)> CreateCustomerOrderAsync(OrderDto order, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var counterparty = await db.ErpCounterparties.FirstOrDefaultAsync(c => c.Id == order.CustomerId, cancellationToken);
        var known = counterparty is not null;
        counterparty ??= await CreateCounterpartyAsync(order, null, $"counterparty:{order.CustomerId:N}", cancellationToken);
        try
        {
            var (key, number) = await PostCustomerOrderAsync(order, counterparty.RefKey, idempotencyKey, cancellationToken);
            return (key, number, null);
        }
        catch (ApiException ex) when (known && IsMissingReference(ex))
        {
            var stale = counterparty.Code ?? counterparty.RefKey;
            await CreateCounterpartyAsync(order, counterparty, $"counterparty:{order.CustomerId:N}:after:{counterparty.RefKey}",
                cancellationToken);
            var (key, number) = await PostCustomerOrderAsync(order, counterparty.RefKey, idempotencyKey, cancellationToken);
            return (key, number, new ErpHeal(stale, counterparty.Code ?? counterparty.RefKey));
        }
    }

    /// <summary>
    /// Runs <paramref name="call"/> against the order's ERP customer order; when the ERP no longer knows it, makes the
    /// document again (recorded on the fulfilment) and runs the call once more against the new one.
    /// </summary>
    public async Task<(T Answer, ErpHeal? Healed)> WithCustomerOrderAsync<T>(OrderDto order, OrderFulfilment fulfilment,
        string idempotencyKey, Func<string, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fulfilment);
        ArgumentNullException.ThrowIfNull(call);
        var key = fulfilment.ErpOrderKey
            ?? throw new PermanentActionException("The order has no ERP customer order yet: run erp.create_customer_order first.");
        try
        {
            return (await call(key), null);
        }
        catch (ApiException ex) when (IsMissingReference(ex))
        {
            var stale = fulfilment.ErpOrderNumber ?? key;
            var (newKey, number, _) = await CreateCustomerOrderAsync(order, $"{idempotencyKey}:after:{key}", cancellationToken);
            fulfilment.ErpOrderCreated(newKey, number, clock.GetUtcNow());
            return (await call(newKey), new ErpHeal(stale, number));
        }
    }

    private async Task<(string Key, string Number)> PostCustomerOrderAsync(OrderDto order, string counterpartyKey, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        var answer = await erp.CreateCustomerOrderAsync(
            new ErpCustomerOrderRequest(counterpartyKey, order.Id.ToString(), [.. order.Lines.Select(l => new ErpLineRequest(l.Sku,
                l.Quantity, l.UnitPrice))]),
            idempotencyKey, order.Id.ToString(), cancellationToken);
        return (Require.Text("erp", answer.RefKey, "Ref_Key"), Require.Text("erp", answer.Number, "Number"));
    }

    private async Task<ErpCounterparty> CreateCounterpartyAsync(OrderDto order, ErpCounterparty? stale, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        var customer = await customers.FindAsync(order.CustomerId, cancellationToken);
        var created = await erp.CreateCounterpartyAsync(new ErpCounterpartyRequest(customer?.Name ?? order.CustomerName,
            customer?.Email, customer?.Phone, order.CustomerId.ToString()), idempotencyKey, order.Id.ToString(), cancellationToken);
        var refKey = Require.Text("erp", created.RefKey, "Ref_Key");
        if (stale is not null)
        {
            stale.Replaced(refKey, created.Code);
            return stale;
        }
        var counterparty = new ErpCounterparty(order.CustomerId, refKey, created.Code, clock.GetUtcNow());
        db.ErpCounterparties.Add(counterparty);
        return counterparty;
    }
}
