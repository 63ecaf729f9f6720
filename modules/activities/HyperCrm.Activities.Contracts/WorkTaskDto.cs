namespace HyperCrm.Activities;

public sealed record WorkTaskDto(
    Guid Id, string Title, string? Description, WorkTaskStatus Status, WorkTaskPriority Priority, DateOnly? DueDate,
    Guid? AssigneeId, string? AssigneeName, LinkKind LinkKind, Guid? LinkId, Guid? CustomerId, DateTimeOffset CreationTime,
        DateTimeOffset? CompletedAt)
{
    public bool IsOverdue(DateOnly today) => Status == WorkTaskStatus.Open && DueDate < today;
}
