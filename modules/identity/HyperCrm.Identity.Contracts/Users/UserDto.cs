namespace HyperCrm.Identity.Users;

public sealed record UserDto(
    Guid Id,
    string Email,
    string DisplayName,
    bool IsActive,
    bool TwoFactorEnabled,
    bool InvitationPending,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastSignInTime,
    DateTimeOffset? LockoutEnd);
