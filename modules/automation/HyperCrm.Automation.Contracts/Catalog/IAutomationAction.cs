namespace HyperCrm.Automation.Catalog;

/// <summary>
/// An action a module offers to rules. The engine calls it with resolved parameters and an idempotency key derived
/// from the run and step: a retried or re-run step passes the same key, and the action must not repeat its effect.
/// </summary>
public interface IAutomationAction
{
    ActionDescriptor Descriptor { get; }

    Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken);
}

/// <summary>Everything an action may use: its parameters, the run's data, who is acting (the rule), and the key.</summary>
public sealed record ActionContext(
    Guid RunId,
    string StepId,
    string IdempotencyKey,
    string RuleName,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyDictionary<string, object?> Data,
    string? SubjectKind,
    Guid? SubjectId)
{
    public string? Text(string name) => Parameters.GetValueOrDefault(name)?.ToString() is { Length: > 0 } text ? text : null;

    public decimal? Number(string name) => Parameters.GetValueOrDefault(name) switch
    {
        decimal d => d,
        null => null,
        var other => decimal.TryParse(other.ToString(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
    };

    public Guid? Id(string name) => Guid.TryParse(Parameters.GetValueOrDefault(name)?.ToString(), out var id) ? id : null;
}

/// <summary>What an action did: a short summary for the run log, outputs later steps may read, and optionally a wait.</summary>
public sealed record ActionResult(string Summary, IReadOnlyDictionary<string, object?>? Outputs = null)
{
    /// <summary>Set when the run must wait for an event (e.g. an approval's decision) carrying this correlation id.</summary>
    public WaitRequest? Wait { get; init; }

    public static ActionResult Done(string summary, IReadOnlyDictionary<string, object?>? outputs = null) => new(summary, outputs);
}

/// <summary>Wait until the trigger <paramref name="TriggerKey"/> fires with <paramref name="CorrelationId"/> among its correlations.</summary>
public sealed record WaitRequest(string TriggerKey, Guid CorrelationId, TimeSpan Timeout);

/// <summary>An action failure that retrying cannot fix (bad parameters, a missing record): the step fails at once.</summary>
public sealed class PermanentActionException(string message) : Exception(message);
