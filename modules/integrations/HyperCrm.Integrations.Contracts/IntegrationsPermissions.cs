namespace HyperCrm.Integrations;

public static class IntegrationsPermissions
{
    public const string GroupName = "Integrations";
    public const string Connectors = GroupName + ".Connectors";
    public const string ManageConnectors = Connectors + ".Manage";
    public const string Webhooks = GroupName + ".Webhooks";
    public const string ManageWebhooks = Webhooks + ".Manage";
}
