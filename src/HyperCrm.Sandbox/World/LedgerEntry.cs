using System.Text.Json.Nodes;

namespace HyperCrm.Sandbox;

/// <summary>One entry of a simulator's ledger (docs/api.md): what it was asked to do, for which CRM order.</summary>
public sealed record LedgerEntry(DateTimeOffset At, string Operation, string? Reference, string? IdempotencyKey, JsonNode? Payload);
