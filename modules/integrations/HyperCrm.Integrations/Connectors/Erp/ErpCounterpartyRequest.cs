namespace HyperCrm.Integrations.Connectors;

public sealed record ErpCounterpartyRequest(string Description, string? Email, string? Phone, string CrmId);
