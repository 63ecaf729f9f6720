namespace HyperCrm.Sandbox;

public sealed record ErpCounterparty(Guid RefKey, string Code, string Description, string? Email, string? Phone, string? CrmId);
