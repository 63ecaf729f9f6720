using HyperCrm.Framework.Domain;

namespace HyperCrm.Sales.Domain.Products;

/// <summary>A sellable item and its stock (kept in step with the ERP by the integrations module).</summary>
public sealed class Product : AggregateRoot<Guid>
{
    public string Sku { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public decimal Price { get; private set; }
    public string Currency { get; private set; } = "RUB";
    public int StockOnHand { get; private set; }
    public int StockReserved { get; private set; }
    public bool IsActive { get; private set; } = true;

    public int Available => StockOnHand - StockReserved;

    private Product() { }

    public Product(Guid id, string sku, string name, decimal price, string currency, int stockOnHand)
        : base(id)
    {
        Sku = Check.NotNullOrWhiteSpace(sku, nameof(sku), 64).Trim().ToUpperInvariant();
        Name = Check.NotNullOrWhiteSpace(name, nameof(name), 200).Trim();
        Price = price >= 0 ? price : throw new ArgumentException("A price cannot be negative.", nameof(price));
        Currency = currency;
        SetStock(stockOnHand);
    }

    public void SetStock(int onHand)
    {
        if (onHand < 0) throw new ArgumentException("Stock cannot be negative.", nameof(onHand));
        StockOnHand = onHand;
    }

    /// <summary>Takes the ERP's figures (the ERP owns stock); true when anything changed.</summary>
    public bool ApplyErpStock(string name, decimal price, int onHand, int reserved)
    {
        var changed = Name != name.Trim() || Price != price || StockOnHand != Math.Max(0, onHand) || StockReserved != Math.Clamp(reserved,
            0, Math.Max(0, onHand));
        if (!changed) return false;
        Name = Check.NotNullOrWhiteSpace(name, nameof(name), 200).Trim();
        Price = Math.Max(0, price);
        StockOnHand = Math.Max(0, onHand);
        StockReserved = Math.Clamp(reserved, 0, StockOnHand);
        IsActive = true;
        return true;
    }
}
