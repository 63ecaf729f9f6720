using HyperCrm.Integrations.Connectors;
using HyperCrm.Sales.Products;

namespace HyperCrm.Integrations.Application;

/// <summary>Reads the ERP's stock balance (each row checked) and brings the CRM's products up to date with it: the stock
/// sync (scheduled, or the button) and the stock-arrival poll share it.</summary>
public sealed class ErpStockReader(IErpApi erp, IProductIntegrationService products)
{
    public async Task<(IReadOnlyList<StockLevelDto> Levels, StockSyncResultDto Applied)> SyncAsync(CancellationToken cancellationToken)
    {
        var rows = (await erp.GetStockAsync(cancellationToken)).Value
            ?? throw new ConnectorResponseException("erp", "the stock answer has no 'value'.");
        var levels = rows.Select(r => new StockLevelDto(Require.Text("erp", r.Sku, "Sku"), r.Description ?? r.Sku!, r.Price ?? 0,
            Require.Value("erp", r.OnHand, "OnHand"), r.Reserved ?? 0)).ToList();
        return (levels, await products.ApplyStockAsync(levels, cancellationToken));
    }
}
