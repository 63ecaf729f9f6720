using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class ActivitiesContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, ActivitiesPermissionDefinitionProvider>();
}
