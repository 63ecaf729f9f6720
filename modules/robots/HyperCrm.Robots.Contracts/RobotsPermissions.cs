namespace HyperCrm.Robots;

public static class RobotsPermissions
{
    public const string GroupName = "Robots";

    /// <summary>See the bots, their runs with screenshots, the queue and the workers.</summary>
    public const string Bots = GroupName + ".Bots";

    /// <summary>Edit, publish, roll back, pause and resume bots, set their credentials, test-run and retry them.</summary>
    public const string ManageBots = Bots + ".Manage";
}
