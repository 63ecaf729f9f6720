namespace HyperCrm.Customers;

public static class CustomersPermissions
{
    public const string GroupName = "Customers";
    public const string Default = GroupName + ".View";
    public const string Create = GroupName + ".Create";
    public const string Edit = GroupName + ".Edit";
    public const string Merge = GroupName + ".Merge";
    public const string Export = GroupName + ".Export";
}
