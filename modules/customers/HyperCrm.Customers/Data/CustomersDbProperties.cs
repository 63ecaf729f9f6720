namespace HyperCrm.Customers.Data;

public static class CustomersDbProperties
{
    public const string DbSchema = "customers";
}
