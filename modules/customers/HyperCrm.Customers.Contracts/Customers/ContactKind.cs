namespace HyperCrm.Customers.Customers;

public enum ContactKind
{
    Email,
    Phone,
}
