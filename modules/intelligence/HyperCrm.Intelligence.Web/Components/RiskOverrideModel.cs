namespace HyperCrm.Intelligence.Web.Components;

public sealed record RiskOverrideModel(Guid OrderId, string ReturnUrl);
