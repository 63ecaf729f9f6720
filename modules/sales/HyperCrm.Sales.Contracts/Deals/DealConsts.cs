namespace HyperCrm.Sales.Deals;

public static class DealConsts
{
    public const int MaxTitleLength = 200;
    public const int MaxLostReasonLength = 500;
}
