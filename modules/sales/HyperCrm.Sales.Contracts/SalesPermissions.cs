namespace HyperCrm.Sales;

public static class SalesPermissions
{
    public const string GroupName = "Sales";

    public static class Orders
    {
        public const string Default = GroupName + ".Orders";
        public const string Manage = Default + ".Manage";
    }

    public static class Deals
    {
        public const string Default = GroupName + ".Deals";
        public const string Manage = Default + ".Manage";
    }

    public const string Products = GroupName + ".Products";

    /// <summary>Configure pipelines and their stages (admins only by default).</summary>
    public const string Pipelines = GroupName + ".Pipelines";
}
