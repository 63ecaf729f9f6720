using System.ComponentModel.DataAnnotations;
using HyperCrm.Framework.Application;

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

public sealed record GetUserListInput : PagedInput
{
    public string? Filter { get; init; }
}

public sealed class InviteUserDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [EmailAddress(ErrorMessage = "Validation:Email")]
    [StringLength(UserConsts.MaxEmailLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(UserConsts.MaxDisplayNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "DisplayName")]
    public string DisplayName { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];
}

/// <summary>The invitation link is shown once to the admin who invited (no mail module yet).</summary>
public sealed record InvitationDto(Guid UserId, string Email, string Token);

public static class UserConsts
{
    public const int MaxEmailLength = 256;
    public const int MaxDisplayNameLength = 128;
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 256;
}
