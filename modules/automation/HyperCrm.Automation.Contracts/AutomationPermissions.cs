namespace HyperCrm.Automation;

public static class AutomationPermissions
{
    public const string GroupName = "Automation";
    public const string Rules = GroupName + ".Rules";
    public const string Publish = Rules + ".Publish";
    public const string Runs = GroupName + ".Runs";
    public const string OperateRuns = Runs + ".Operate";
}
