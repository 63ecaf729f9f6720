namespace HyperCrm.Automation.Data;

public static class AutomationDbProperties
{
    public const string DbSchema = "automation";
}
