namespace HyperCrm.Analytics;

public static class AnalyticsPermissions
{
    public const string GroupName = "Analytics";

    /// <summary>See the KPI dashboard, the process map and the orders behind their numbers; export the event log.</summary>
    public const string Dashboard = GroupName + ".Dashboard";

    /// <summary>Rebuild the event log from the modules' history.</summary>
    public const string Manage = Dashboard + ".Manage";
}
