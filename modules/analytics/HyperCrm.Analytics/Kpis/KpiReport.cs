namespace HyperCrm.Analytics.Kpis;

/// <summary>The KPIs of a period beside the previous period's (the trend), and the orders per day, touchless and touched.</summary>
public sealed record KpiReport(KpiValues Current, KpiValues Previous, IReadOnlyList<KpiDay> Days);
