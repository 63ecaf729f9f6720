using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Analytics;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class AnalyticsContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, AnalyticsPermissionDefinitionProvider>();
}
