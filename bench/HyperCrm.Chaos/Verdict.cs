namespace HyperCrm.Chaos;

/// <summary>One row of the fault suite's table.</summary>
public sealed record Verdict(string Scenario, int Orders, int Placed, int Lost, int Doubled, int Stuck, int WebhooksMissing,
    double? RecoverySeconds, double Seconds)
{
    public bool Passed => Lost == 0 && Doubled == 0 && Stuck == 0 && WebhooksMissing == 0 && Placed == Orders;
}
