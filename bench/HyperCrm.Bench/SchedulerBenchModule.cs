using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;

namespace HyperCrm.Bench;

/// <summary>The platform alone (its clustered Quartz on the PostgreSQL job store), for the scheduler's punctuality.</summary>
[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class SchedulerBenchModule : HyperModule;
