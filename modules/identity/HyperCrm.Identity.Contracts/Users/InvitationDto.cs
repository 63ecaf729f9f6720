namespace HyperCrm.Identity.Users;

/// <summary>The invitation link is shown once to the admin who invited (no mail module yet).</summary>
public sealed record InvitationDto(Guid UserId, string Email, string Token);
