using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Security;

namespace HyperCrm.Framework;

internal sealed class PlatformPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(PlatformPermissions.GroupName, "Permission:Platform", typeof(SharedResource))
            .AddPermission(PlatformPermissions.Settings, "Permission:Platform.Settings");
}
