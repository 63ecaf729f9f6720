namespace HyperCrm.Integrations.Webhooks;

/// <summary>What an inbound webhook came to: the HTTP status, a problem or a body, and whether it repeated an earlier one.</summary>
public sealed record InboundOutcome(int Status, object? Body, string? Problem = null, IDictionary<string, string[]>? Errors = null);
