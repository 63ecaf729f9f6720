namespace HyperCrm.Sandbox;

/// <summary>A ledger entry as the journal keeps it: which simulator wrote it.</summary>
public sealed record RememberedEntry(string Service, LedgerEntry Entry);
