namespace HyperCrm.Automation.Rules;

/// <summary>
/// What undoes an action step: a catalog action and its parameter templates. When the run is stopped because its subject
/// ended (an order cancelled) or a later step fails for good, the engine runs the compensations of the steps that
/// completed, last first, each with its own idempotency key and logged in the run.
/// </summary>
public sealed record CompensationDto
{
    public string Action { get; init; } = string.Empty;

    /// <summary>Parameter templates by name, like a step's: text with <c>{{ expression }}</c> parts.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
