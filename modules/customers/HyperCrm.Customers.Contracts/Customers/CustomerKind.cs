namespace HyperCrm.Customers.Customers;

public enum CustomerKind
{
    Person,
    Company,
}
