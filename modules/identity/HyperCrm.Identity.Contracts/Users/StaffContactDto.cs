namespace HyperCrm.Identity.Users;

public sealed record StaffContactDto(Guid Id, string? Email, string Name);
