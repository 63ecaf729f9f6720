namespace HyperCrm.Framework.Security;

public static class HyperRoles
{
    /// <summary>The admin role holds every permission, including ones that modules add later.</summary>
    public const string Admin = "admin";
    public const string Sales = "sales";
    public const string Support = "support";
}
