using System.Text.Json;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Products;

namespace HyperCrm.Sales.Automation;

/// <summary><c>sales.find_products</c>: products of the catalog by SKU or name, with price and stock available now.</summary>
public sealed class FindProductsAction(IProductAppService products) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("sales.find_products", "sales",
        "Find products by SKU or name, with price and stock available", HasSideEffects: false,
    [
        new("query", FieldType.Text, true, "the start of a SKU or part of a name", "SKU-011"),
    ])
    {
        Outputs =
        [
            new("products", FieldType.Text, "the products as JSON: sku, name, price, currency, available"),
            new("count", FieldType.Number, "how many products were found"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Text("query") ?? throw new PermanentActionException("No query given.");
        var page = await products.GetPageAsync(query.Length > 100 ? query[..100] : query, 10, null, cancellationToken);
        var json = JsonSerializer.Serialize(page.Items.Select(p => new
        {
            sku = p.Sku, name = p.Name, price = p.Price, currency = p.Currency, available = p.Available,
        }), JsonSerializerOptions.Web);
        return ActionResult.Done(Message.Of("Sales:Run:ProductsFound", ("count", page.Items.Count)),
            new Dictionary<string, object?> { ["products"] = json, ["count"] = (decimal)page.Items.Count });
    }
}
