namespace HyperCrm.Integrations.Connectors;

/// <summary>The outside systems HyperCrm talks to.</summary>
public static class ConnectorNames
{
    public const string Erp = "erp";
    public const string Wms = "wms";
    public const string Courier = "courier";
    public const string Sms = "sms";
    public const string Email = "email";
    public const string Payments = "payments";

    public static readonly IReadOnlyList<string> All = [Erp, Wms, Courier, Sms, Email, Payments];
}
