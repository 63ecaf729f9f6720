namespace HyperCrm.Identity.Partners;

public sealed record PartnerDto(Guid Id, string Name, string DisplayName, bool IsActive, DateTimeOffset CreationTime, int ActiveKeyCount);
