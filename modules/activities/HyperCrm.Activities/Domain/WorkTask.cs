using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities.Domain;

/// <summary>Something a person has to do, by a date, about a customer, deal or order.</summary>
public sealed class WorkTask : AuditedAggregateRoot<Guid>
{
    public string Title { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public WorkTaskStatus Status { get; private set; }
    public WorkTaskPriority Priority { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public Guid? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }
    public LinkKind LinkKind { get; private set; }
    public Guid? LinkId { get; private set; }
    public Guid? CustomerId { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The idempotency key it was created with (an automation step), if any.</summary>
    public string? SourceKey { get; private set; }

    private WorkTask() { }

    public WorkTask(Guid id, CreateWorkTaskDto input, string createdBy, DateTimeOffset now, ActorKind actor = ActorKind.Human)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(input);
        Title = Check.NotNullOrWhiteSpace(input.Title, nameof(input.Title), 200).Trim();
        Description = Check.Length(input.Description?.Trim(), 2000);
        Priority = input.Priority;
        DueDate = input.DueDate;
        AssigneeId = input.AssigneeId;
        AssigneeName = input.AssigneeName;
        LinkKind = input.LinkId is null ? LinkKind.None : input.LinkKind;
        LinkId = input.LinkId;
        CustomerId = input.CustomerId ?? (LinkKind == LinkKind.Customer ? LinkId : null);
        SourceKey = input.SourceKey;
        if (CustomerId is { } customer)
            AddDistributedEvent(new TimelineEventEto(customer, now, "activities", "task.created",
                Message.Of("Activities:Timeline:TaskCreated", ("title", Title)), actor, createdBy, null,
                id, TimelineReferenceKinds.Task));
    }

    public void Complete(string by, DateTimeOffset now, ActorKind actor = ActorKind.Human)
    {
        CheckRule(new OnlyOpenTasksChangeRule(Status));
        Status = WorkTaskStatus.Done;
        CompletedAt = now;
        AddDistributedEvent(new WorkTaskCompletedEto(Id, LinkKind, LinkId));
        if (CustomerId is { } customer)
            AddDistributedEvent(new TimelineEventEto(customer, now, "activities", "task.completed",
                Message.Of("Activities:Timeline:TaskDone", ("title", Title)), actor,
                by, null, Id, TimelineReferenceKinds.Task));
    }
}
