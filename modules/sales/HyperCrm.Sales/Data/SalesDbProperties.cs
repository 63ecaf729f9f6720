namespace HyperCrm.Sales.Data;

public static class SalesDbProperties
{
    public const string DbSchema = "sales";
    public const string OrderNumbers = "order_numbers";
}
