namespace HyperCrm.Framework.Security;

/// <summary>Where grants live (the identity module implements it): which permissions each role holds.</summary>
public interface IPermissionStore
{
    Task<IReadOnlySet<string>> GetGrantedPermissionsAsync(IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken);
}
