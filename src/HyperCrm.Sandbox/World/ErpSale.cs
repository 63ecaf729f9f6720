namespace HyperCrm.Sandbox;

public sealed record ErpSale(Guid RefKey, string Number, Guid CustomerOrderKey, decimal Amount, DateTimeOffset Date);
