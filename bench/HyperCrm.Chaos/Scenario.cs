namespace HyperCrm.Chaos;

/// <summary>
/// One fault: injected once a third of the orders are in, then <see cref="Recover"/> (if any) once it has lasted; the
/// orders keep coming from retrying clients all the while.
/// </summary>
public sealed record Scenario(string Key, string Name, Func<Fault, Task> Inject, Func<Fault, Task>? Recover = null,
    bool WebhookReceiverDown = false);
