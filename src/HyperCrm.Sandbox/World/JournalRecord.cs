using System.Text.Json;

namespace HyperCrm.Sandbox;

/// <summary>One line of the <see cref="SandboxJournal"/>: what kind of change, and the changed thing as it is now.</summary>
public sealed record JournalRecord(string Kind, JsonElement Value);
