using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Sales;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class SalesContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, SalesPermissionDefinitionProvider>();
}
