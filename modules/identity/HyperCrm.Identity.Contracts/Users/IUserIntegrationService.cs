namespace HyperCrm.Identity.Users;

/// <summary>What other modules may ask about staff (no permission checks: for background work such as alerts).</summary>
public interface IUserIntegrationService
{
    /// <summary>Active staff who hold <paramref name="permission"/> (admins hold every one), with their email and name.</summary>
    Task<IReadOnlyList<StaffContactDto>> GetStaffWithPermissionAsync(string permission, CancellationToken cancellationToken = default);
}
