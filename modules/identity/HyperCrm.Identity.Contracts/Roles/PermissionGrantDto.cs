namespace HyperCrm.Identity.Roles;

public sealed record PermissionGrantDto(string Name, string DisplayName, bool IsGranted);
