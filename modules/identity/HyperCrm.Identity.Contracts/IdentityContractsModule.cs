using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Identity;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class IdentityContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, IdentityPermissionDefinitionProvider>();
}
