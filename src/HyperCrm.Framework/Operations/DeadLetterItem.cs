namespace HyperCrm.Framework.Operations;

/// <summary>Work that gave up and waits for an operator: an event a consumer kept failing on, a dead-lettered run, a bot
/// job that needs a person, a webhook delivery that failed for good.</summary>
public sealed record DeadLetterItem(string Source, string Id, string Module, string Title, string Error, int Attempts,
    DateTimeOffset FailedAt, string? Link);
