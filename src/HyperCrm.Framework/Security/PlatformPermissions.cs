namespace HyperCrm.Framework.Security;

/// <summary>Permissions of the platform itself (not of one module).</summary>
public static class PlatformPermissions
{
    public const string GroupName = "Platform";
    public const string Settings = GroupName + ".Settings";
}
