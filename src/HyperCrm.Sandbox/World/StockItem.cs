namespace HyperCrm.Sandbox;

public sealed class StockItem(string sku, string description, decimal price, int onHand, int reserved)
{
    public string Sku { get; } = sku;
    public string Description { get; } = description;
    public decimal Price { get; } = price;
    public int OnHand { get; set; } = onHand;
    public int Reserved { get; set; } = reserved;
    public int Free => OnHand - Reserved;
}
