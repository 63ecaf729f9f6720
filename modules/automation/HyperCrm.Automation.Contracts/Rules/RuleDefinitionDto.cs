namespace HyperCrm.Automation.Rules;

/// <summary>What a rule does: its trigger, the condition that starts a run, and the ordered steps.</summary>
public sealed record RuleDefinitionDto
{
    public string Trigger { get; init; } = string.Empty;

    /// <summary>For the schedule trigger: a Quartz cron expression (seconds first), e.g. <c>0 0 9 ? * MON-FRI</c>.</summary>
    public string? Schedule { get; init; }

    public string? Condition { get; init; }
    public IReadOnlyList<StepDto> Steps { get; init; } = [];
}
