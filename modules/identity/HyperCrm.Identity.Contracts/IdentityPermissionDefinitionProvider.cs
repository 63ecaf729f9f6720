using HyperCrm.Framework.Security;

namespace HyperCrm.Identity;

public sealed class IdentityPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(IdentityPermissions.GroupName, "Permission:Identity", typeof(IdentityResource))
            .AddPermission(IdentityPermissions.Users.Default, "Permission:Users")
            .AddPermission(IdentityPermissions.Users.Manage, "Permission:Users.Manage")
            .AddPermission(IdentityPermissions.Roles.Default, "Permission:Roles")
            .AddPermission(IdentityPermissions.Roles.ManagePermissions, "Permission:Roles.ManagePermissions")
            .AddPermission(IdentityPermissions.Partners.Default, "Permission:Partners")
            .AddPermission(IdentityPermissions.Partners.ManageKeys, "Permission:Partners.ManageKeys")
            .AddPermission(IdentityPermissions.AuditLog, "Permission:AuditLog");
}
