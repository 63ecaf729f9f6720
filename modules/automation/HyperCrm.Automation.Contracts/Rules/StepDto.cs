namespace HyperCrm.Automation.Rules;

/// <summary>One step of a rule. Ids are stable across versions, so a failed run can be retried from "the same" step of a newer
/// version.</summary>
public sealed record StepDto
{
    public string Id { get; init; } = string.Empty;
    public StepKind Kind { get; init; }

    /// <summary>The catalog action (action steps).</summary>
    public string? Action { get; init; }

    /// <summary>Parameter templates by name: text with <c>{{ expression }}</c> parts.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The branch condition (branch steps).</summary>
    public string? Condition { get; init; }

    public IReadOnlyList<StepDto> Then { get; init; } = [];
    public IReadOnlyList<StepDto> Else { get; init; } = [];

    /// <summary>The delay of a wait step, or the timeout of a wait-for-event or approval step.</summary>
    public int? Minutes { get; init; }

    /// <summary>The trigger key a wait-for-event step waits for.</summary>
    public string? Event { get; init; }

    /// <summary>The action that undoes this action step when the run is stopped or fails for good later (none: nothing to
    /// undo).</summary>
    public CompensationDto? Compensation { get; init; }

    /// <summary>A short note the admin writes, shown in the editor and the run log.</summary>
    public string? Label { get; init; }
}
