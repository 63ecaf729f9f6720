using System.Net;
using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;
using Refit;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// What the connector actions share: the run's order and its fulfilment record, the order history entry, and the
/// translation of a remote refusal (4xx, an answer missing a field) into a failure retrying cannot fix. Timeouts,
/// 5xx and an open circuit stay ordinary failures: the engine retries them with backoff.
/// </summary>
public abstract class ConnectorActionBase(IntegrationsDbContext db, IOrderIntegrationService orders, TimeProvider clock) : IAutomationAction
{
    public abstract ActionDescriptor Descriptor { get; }

    protected IntegrationsDbContext Db { get; } = db;
    protected IOrderIntegrationService Orders { get; } = orders;
    protected TimeProvider Clock { get; } = clock;

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubjectKind != "order"
            || context.SubjectId is not { } orderId) throw new PermanentActionException("The run is not about an order.");
        var order = await Orders.FindAsync(orderId,
            cancellationToken) ?? throw new PermanentActionException($"Order {orderId} does not exist.");
        // Read once per scope: a run's connector steps, one after another, each find the one this scope already holds.
        var fulfilment = await Db.Fulfilments.FindAsync([orderId], cancellationToken);
        if (fulfilment is null)
        {
            fulfilment = new OrderFulfilment(orderId, Clock.GetUtcNow());
            Db.Fulfilments.Add(fulfilment);
        }
        try
        {
            var (result, step) = await RunAsync(context, order, fulfilment, cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
            if (step is not null) await Orders.RecordStepAsync(orderId, Descriptor.Name, ActorKind.Rule, context.RuleName, step,
                cancellationToken);
            await AfterSaveAsync(context, fulfilment, cancellationToken);
            return result;
        }
        catch (ApiException ex) when (ex.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            && (int)ex.StatusCode is >= 400 and < 500)
        {
            Db.ChangeTracker.Clear();
            throw new PermanentActionException($"{Descriptor.Module} refused the call ({(int)ex.StatusCode}): {Trim(ex.Content)}");
        }
        catch (ConnectorResponseException ex)
        {
            Db.ChangeTracker.Clear();
            throw new PermanentActionException(ex.Message);
        }
        catch
        {
            // Nothing half-done stays tracked for the next step of this scope.
            Db.ChangeTracker.Clear();
            throw;
        }
    }

    /// <summary>Does the call; returns the result and the line for the order's history (null: nothing new to record).</summary>
    protected abstract Task<(ActionResult Result, Message? Step)> RunAsync(ActionContext context, OrderDto order,
        OrderFulfilment fulfilment,
        CancellationToken cancellationToken);

    /// <summary>What the action tells the order once the outside system's answer is saved (nothing by default).</summary>
    protected virtual Task AfterSaveAsync(ActionContext context, OrderFulfilment fulfilment, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected static string Trim(string? text) => text is null ? string.Empty : text.Length > 300 ? text[..300] : text;

    protected static string Reference(OrderDto order) => order.Id.ToString();
}
