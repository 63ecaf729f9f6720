namespace HyperCrm.Analytics;

/// <summary>What the KPIs price work at, edited in Settings: the costs are in the installation's currency.</summary>
public static class AnalyticsSettingNames
{
    private const string Prefix = "Analytics.";

    /// <summary>What a person's minute of work costs.</summary>
    public const string CostPerHumanMinute = Prefix + "CostPerHumanMinute";

    /// <summary>What a bot's minute in its browser costs (licence, machine).</summary>
    public const string CostPerBotMinute = Prefix + "CostPerBotMinute";

    /// <summary>What one call of a connector (ERP, WMS, courier, SMS, payments) costs.</summary>
    public const string CostPerConnectorCall = Prefix + "CostPerConnectorCall";

    /// <summary>How many minutes a person spends on a step done by hand: the time an automated step saves.</summary>
    public const string MinutesPerManualStep = Prefix + "MinutesPerManualStep";

    /// <summary>Working hours of one full-time employee in a month, for FTE savings.</summary>
    public const string FteHoursPerMonth = Prefix + "FteHoursPerMonth";
}
