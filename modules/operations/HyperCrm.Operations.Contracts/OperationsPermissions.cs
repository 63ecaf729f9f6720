namespace HyperCrm.Operations;

public static class OperationsPermissions
{
    public const string GroupName = "Operations";

    /// <summary>See the console: queues, runs, bots, connectors, jobs, dead letters, instances and alerts.</summary>
    public const string Console = GroupName + ".Console";

    /// <summary>Steer from it: retry and skip dead letters, pause and resume work, run and pause jobs, edit and acknowledge
    /// alerts.</summary>
    public const string Manage = Console + ".Manage";
}
