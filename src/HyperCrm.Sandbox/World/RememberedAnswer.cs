namespace HyperCrm.Sandbox;

/// <summary>The first answer to a write under an idempotency key, kept in the journal so a retry after a restart gets it again.</summary>
public sealed record RememberedAnswer(string Service, string Key, int Status, string Body);
