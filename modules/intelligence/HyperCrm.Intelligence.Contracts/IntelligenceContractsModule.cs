using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Intelligence;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class IntelligenceContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, IntelligencePermissionDefinitionProvider>();
}
