using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;

namespace HyperCrm.Intelligence;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class IntelligenceContractsModule : HyperModule;
