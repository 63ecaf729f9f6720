namespace HyperCrm.Identity.Roles;

public sealed record PermissionGroupDto(string Name, string DisplayName, IReadOnlyList<PermissionGrantDto> Permissions);
