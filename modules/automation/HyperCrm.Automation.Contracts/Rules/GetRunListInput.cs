namespace HyperCrm.Automation.Rules;

public sealed record GetRunListInput : HyperCrm.Framework.Application.PagedInput
{
    public Guid? RuleId { get; init; }
    public RunState? State { get; init; }
    public Guid? SubjectId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
}
