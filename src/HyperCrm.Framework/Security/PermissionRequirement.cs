using Microsoft.AspNetCore.Authorization;

namespace HyperCrm.Framework.Security;

public sealed class PermissionRequirement(string permissionName) : IAuthorizationRequirement
{
    public string PermissionName { get; } = permissionName;
}
