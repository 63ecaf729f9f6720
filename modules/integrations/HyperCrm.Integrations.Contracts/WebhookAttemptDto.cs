namespace HyperCrm.Integrations.Webhooks;

public sealed record WebhookAttemptDto(int Number, DateTimeOffset At, int? StatusCode, string? Error, long Milliseconds);
