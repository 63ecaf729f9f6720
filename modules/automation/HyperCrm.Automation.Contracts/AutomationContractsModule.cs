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

public static class AutomationPermissions
{
    public const string GroupName = "Automation";
    public const string Rules = GroupName + ".Rules";
    public const string Publish = Rules + ".Publish";
    public const string Runs = GroupName + ".Runs";
    public const string OperateRuns = Runs + ".Operate";
}

public sealed class AutomationPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(AutomationPermissions.GroupName, "Permission:Automation", typeof(AutomationResource))
            .AddPermission(AutomationPermissions.Rules, "Permission:Rules")
            .AddPermission(AutomationPermissions.Publish, "Permission:Rules.Publish")
            .AddPermission(AutomationPermissions.Runs, "Permission:Runs", HyperRoles.Support)
            .AddPermission(AutomationPermissions.OperateRuns, "Permission:Runs.Operate");
}

[HyperCrm.Framework.Localization.LocalizationResourceName("Automation")]
public sealed class AutomationResource;
