using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Integrations;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class IntegrationsContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, IntegrationsPermissionDefinitionProvider>();
}
