using System.Text.Json.Serialization;

namespace HyperCrm.Automation.Rules;

public enum StepKind
{
    /// <summary>Calls a catalog action.</summary>
    [JsonStringEnumMemberName("action")] Action,

    /// <summary>If the condition holds, the "then" steps, else the "else" steps.</summary>
    [JsonStringEnumMemberName("branch")] Branch,

    /// <summary>Waits for a delay.</summary>
    [JsonStringEnumMemberName("wait")] Wait,

    /// <summary>Waits until an event about the same subject arrives (or the timeout passes: <c>wait.timed_out</c>).</summary>
    [JsonStringEnumMemberName("wait_for_event")] WaitForEvent,

    /// <summary>Opens an approval for a person and waits for the decision (<c>approval.approved</c>).</summary>
    [JsonStringEnumMemberName("approval")] Approval,

    /// <summary>Ends the run here.</summary>
    [JsonStringEnumMemberName("stop")] Stop,
}

/// <summary>One step of a rule. Ids are stable across versions, so a failed run can be retried from "the same" step of a newer version.</summary>
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

    /// <summary>A short note the admin writes, shown in the editor and the run log.</summary>
    public string? Label { get; init; }
}

/// <summary>What a rule does: its trigger, the condition that starts a run, and the ordered steps.</summary>
public sealed record RuleDefinitionDto
{
    public string Trigger { get; init; } = string.Empty;

    /// <summary>For the schedule trigger: a Quartz cron expression (seconds first), e.g. <c>0 0 9 ? * MON-FRI</c>.</summary>
    public string? Schedule { get; init; }

    public string? Condition { get; init; }
    public IReadOnlyList<StepDto> Steps { get; init; } = [];
}

public enum RunState
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("waiting")] Waiting,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("stopped")] Stopped,
    [JsonStringEnumMemberName("dead_lettered")] DeadLettered,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

public enum StepState
{
    [JsonStringEnumMemberName("succeeded")] Succeeded,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("retrying")] Retrying,
    [JsonStringEnumMemberName("waiting")] Waiting,
    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("decided")] Decided,
}

public sealed record RuleListItemDto(
    Guid Id, string Name, string Trigger, bool IsEnabled, int? ActiveVersion, int LatestVersion, bool HasUnpublishedChanges,
    DateTimeOffset? LastRunAt, int RunsLast7Days, int FailedLast7Days)
{
    public double ErrorRate => RunsLast7Days == 0 ? 0 : (double)FailedLast7Days / RunsLast7Days;
}

public sealed record RuleDto(Guid Id, string Name, string? Description, bool IsEnabled, RuleDefinitionDto Draft, int? ActiveVersion, int LatestVersion, string ConcurrencyStamp);

public sealed record RuleVersionDto(Guid Id, int Number, string PublishedBy, DateTimeOffset PublishedAt, string? Note, bool IsActive, RuleDefinitionDto Definition);

public sealed record RunListItemDto(Guid Id, Guid RuleId, string RuleName, int Version, RunState State, string? SubjectKind, Guid? SubjectId, string Summary, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? LastError);

public sealed record RunStepDto(long Seq, string StepId, string Kind, string? Action, StepState State, int Attempt, string? Input, string? Output, string? Reason, string? Error, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? IdempotencyKey);

public sealed record RunDto(
    Guid Id, Guid RuleId, string RuleName, Guid VersionId, int Version, RunState State, string Trigger, Guid? EventId, string? SubjectKind, Guid? SubjectId,
    string Summary, int Depth, string? CurrentStepId, int Attempt, DateTimeOffset? NextAttemptAt, string? WaitingFor, string? LastError,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, IReadOnlyDictionary<string, object?> Data, IReadOnlyList<RunStepDto> Steps);

public sealed record GetRunListInput : HyperCrm.Framework.Application.PagedInput
{
    public Guid? RuleId { get; init; }
    public RunState? State { get; init; }
    public Guid? SubjectId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
}

/// <summary>One line of a dry-run report: what the tested version would do for one recorded event, beside what the live version did.</summary>
public sealed record DryRunItemDto(Guid EventId, DateTimeOffset OccurredAt, string Summary, Guid? SubjectId, bool WouldRun, IReadOnlyList<string> WouldDo, string? LiveOutcome, IReadOnlyList<string> LiveDid);

public sealed record DryRunReportDto(string Trigger, int Version, int EventsExamined, int WouldRun, int LiveRan, IReadOnlyList<DryRunItemDto> Items);

/// <summary>A refused definition: each problem with the step and, for expressions, the position.</summary>
public sealed record DefinitionProblemDto(string Where, string Message, int? Position);
