namespace HyperCrm.Analytics.Kpis;

/// <summary>The KPIs of one period (times in seconds, money in the installation's currency; null where nothing was measured).</summary>
public sealed record KpiValues
{
    public long Orders { get; init; }
    public long TouchlessOrders { get; init; }
    public double? AutomationRate => Orders == 0 ? null : (double)TouchlessOrders / Orders;
    public long Steps { get; init; }
    public long AutomatedSteps { get; init; }
    public double? StepAutomationRate => Steps == 0 ? null : (double)AutomatedSteps / Steps;
    public double? ToShippedP50 { get; init; }
    public double? ToShippedP95 { get; init; }
    public double? ToDeliveredP50 { get; init; }
    public double? ToDeliveredP95 { get; init; }
    public long Runs { get; init; }
    public long FailedRuns { get; init; }
    public long RecoveredRuns { get; init; }
    public double? ErrorRate => Runs == 0 ? null : (double)FailedRuns / Runs;
    public double? RecoveredShare => FailedRuns == 0 ? null : (double)RecoveredRuns / FailedRuns;
    public double HumanMinutes { get; init; }
    public double BotMinutes { get; init; }
    public long ConnectorCalls { get; init; }
    public decimal Cost { get; init; }
    public decimal? CostPerOrder => Orders == 0 ? null : Math.Round(Cost / Orders, 4);
    public double MinutesSaved { get; init; }
    public double FteSaved { get; init; }
    public double? RuleTimeToMarket { get; init; }
    public double? BotTimeToMarket { get; init; }
    public long RulesPublished { get; init; }
    public long BotsPublished { get; init; }
}
