using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Automation;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class AutomationContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, AutomationPermissionDefinitionProvider>();
}
