namespace HyperCrm.Sales.Orders;

/// <summary>
/// What an order's customer and the shop usually do, for judging the order: the customer's earlier orders (how many,
/// their average total, when the first was placed), their orders in the last hour (this one included), and the shop's
/// average order total (over its latest orders).
/// </summary>
public sealed record OrderHistoryDto(int EarlierOrders, decimal? EarlierAverageTotal, DateTimeOffset? FirstOrderAt, int OrdersLastHour,
    decimal ShopAverageTotal);
