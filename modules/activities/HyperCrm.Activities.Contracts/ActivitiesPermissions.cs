namespace HyperCrm.Activities;

public static class ActivitiesPermissions
{
    public const string GroupName = "Activities";
    public const string Tasks = GroupName + ".Tasks";
    public const string ManageAllTasks = Tasks + ".ManageAll";
    public const string Approvals = GroupName + ".Approvals";
    public const string Notes = GroupName + ".Notes";
    public const string Messages = GroupName + ".Messages";
}
