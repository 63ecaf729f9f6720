namespace HyperCrm.Integrations.Actions;

/// <summary>The ERP no longer knew a reference of ours (<see cref="Stale"/>), and it was made again (<see cref="Replacement"/>).</summary>
public sealed record ErpHeal(string Stale, string Replacement);
