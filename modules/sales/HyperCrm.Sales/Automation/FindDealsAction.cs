using System.Text.Json;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Automation;

/// <summary><c>sales.find_deals</c>: a customer's deals, newest first (title, amount, stage, state).</summary>
public sealed class FindDealsAction(SalesDbContext db) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("sales.find_deals", "sales", "Find a customer's deals, newest first",
        HasSideEffects: false,
    [
        new("customer_id", FieldType.Text, true, "the customer's id", "{{customer.id}}"),
    ])
    {
        Outputs =
        [
            new("deals", FieldType.Text, "the deals as JSON: id, title, amount, currency, stage, state"),
            new("count", FieldType.Number, "how many deals were found"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Id("customer_id") ?? throw new PermanentActionException("'customer_id' is not a customer id.");
        var deals = await db.Deals.AsNoTracking().Where(d => d.CustomerId == id).OrderByDescending(d => d.CreationTime).Take(20)
            .Select(d => new { d.Id, d.Title, d.Amount, d.Currency, d.StageId, d.State }).ToListAsync(cancellationToken);
        var stageIds = deals.Select(d => d.StageId).Distinct().ToList();
        var stages = (await db.Pipelines.AsNoTracking().SelectMany(p => p.Stages).Where(s => stageIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var json = JsonSerializer.Serialize(deals.Select(d => new
        {
            id = d.Id, title = d.Title, amount = d.Amount, currency = d.Currency, stage = stages.GetValueOrDefault(d.StageId),
            state = CatalogValues.WireName(d.State),
        }), JsonSerializerOptions.Web);
        return ActionResult.Done(Message.Of("Sales:Run:DealsFound", ("count", deals.Count)),
            new Dictionary<string, object?> { ["deals"] = json, ["count"] = (decimal)deals.Count });
    }
}
