namespace HyperCrm.Sales.Orders;

public static class OrderConsts
{
    public const int MaxExternalIdLength = 64;
    public const int MaxSkuLength = 64;
    public const int MaxLines = 100;
    public const int MaxQuantity = 10_000;
    public const double MaxUnitPrice = 1_000_000_000;
    public const int MaxReasonLength = 500;
    public const int MaxTrackingNumberLength = 64;
    public const int MaxPaymentReasonLength = 300;
    public const string CurrencyPattern = "^[A-Z]{3}$";
}
