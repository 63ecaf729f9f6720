using HyperCrm.Analytics;
using HyperCrm.Framework.Modularity;

namespace HyperCrm.Bench;

/// <summary>The analytics module alone, hosted as the app hosts it, for its benchmark.</summary>
[DependsOn(typeof(AnalyticsModule))]
public sealed class AnalyticsBenchModule : HyperModule;
