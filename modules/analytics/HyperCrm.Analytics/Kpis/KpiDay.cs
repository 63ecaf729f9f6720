namespace HyperCrm.Analytics.Kpis;

/// <summary>The orders placed on a day (UTC): how many no person touched and how many one did.</summary>
public sealed record KpiDay(DateOnly Day, long Touchless, long Touched);
