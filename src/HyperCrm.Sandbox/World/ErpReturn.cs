namespace HyperCrm.Sandbox;

/// <summary>A return of goods from the customer (1C's "Возврат товаров от клиента"): the stock of the sale comes back.</summary>
public sealed record ErpReturn(Guid RefKey, string Number, Guid CustomerOrderKey, Guid SaleKey, decimal Amount,
    DateTimeOffset Date);
