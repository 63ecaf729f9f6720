namespace HyperCrm.Framework.Security;

/// <summary>Where grants live (the identity module implements it): which permissions each role holds.</summary>
public interface IPermissionStore
{
    Task<IReadOnlySet<string>> GetGrantedPermissionsAsync(IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken);
}

public static class HyperRoles
{
    /// <summary>The admin role holds every permission, including ones that modules add later.</summary>
    public const string Admin = "admin";
    public const string Sales = "sales";
    public const string Support = "support";
}
