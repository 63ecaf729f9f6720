using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using HyperCrm.Framework;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class ActivitiesContractsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context) =>
        context.Services.AddSingleton<IPermissionDefinitionProvider, ActivitiesPermissionDefinitionProvider>();
}

[LocalizationResourceName("Activities")]
public sealed class ActivitiesResource;

public static class ActivitiesPermissions
{
    public const string GroupName = "Activities";
    public const string Tasks = GroupName + ".Tasks";
    public const string ManageAllTasks = Tasks + ".ManageAll";
    public const string Approvals = GroupName + ".Approvals";
}

public sealed class ActivitiesPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context) =>
        context.AddGroup(ActivitiesPermissions.GroupName, "Permission:Activities", typeof(ActivitiesResource))
            .AddPermission(ActivitiesPermissions.Tasks, "Permission:Tasks")
            .AddPermission(ActivitiesPermissions.ManageAllTasks, "Permission:Tasks.ManageAll")
            .AddPermission(ActivitiesPermissions.Approvals, "Permission:Approvals");
}

public enum WorkTaskStatus
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("done")] Done,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
}

public enum WorkTaskPriority
{
    [JsonStringEnumMemberName("low")] Low,
    [JsonStringEnumMemberName("normal")] Normal,
    [JsonStringEnumMemberName("high")] High,
    [JsonStringEnumMemberName("urgent")] Urgent,
}

/// <summary>What a task, approval or note is about.</summary>
public enum LinkKind
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("customer")] Customer,
    [JsonStringEnumMemberName("deal")] Deal,
    [JsonStringEnumMemberName("order")] Order,
}

public enum ApprovalStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("rejected")] Rejected,
}

public sealed record WorkTaskDto(
    Guid Id, string Title, string? Description, WorkTaskStatus Status, WorkTaskPriority Priority, DateOnly? DueDate,
    Guid? AssigneeId, string? AssigneeName, LinkKind LinkKind, Guid? LinkId, Guid? CustomerId, DateTimeOffset CreationTime, DateTimeOffset? CompletedAt)
{
    public bool IsOverdue(DateOnly today) => Status == WorkTaskStatus.Open && DueDate < today;
}

public sealed class CreateWorkTaskDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(200, MinimumLength = 1, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Title")]
    public string Title { get; set; } = string.Empty;

    [StringLength(2000, ErrorMessage = "Validation:StringLength")]
    public string? Description { get; set; }

    public WorkTaskPriority Priority { get; set; } = WorkTaskPriority.Normal;

    public DateOnly? DueDate { get; set; }

    /// <summary>Who does it; the creator when empty.</summary>
    public Guid? AssigneeId { get; set; }

    [StringLength(256, ErrorMessage = "Validation:StringLength")]
    public string? AssigneeName { get; set; }

    public LinkKind LinkKind { get; set; }

    public Guid? LinkId { get; set; }

    /// <summary>The customer whose timeline shows the task (the linked customer, or the deal's or order's customer).</summary>
    public Guid? CustomerId { get; set; }
}

public sealed record ApprovalDto(
    Guid Id, string Title, string? Details, ApprovalStatus Status, LinkKind LinkKind, Guid? LinkId, Guid? CustomerId,
    string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment);

/// <summary>A human decision something waits for (a rule, later the automation engine): approve or reject with a comment.</summary>
public sealed record RequestApprovalInput(string Title, string? Details, LinkKind LinkKind, Guid? LinkId, Guid? CustomerId, string RequestedBy, string? CorrelationKey = null);

public sealed record NotificationDto(Guid Id, string Title, string? Url, bool IsRead, DateTimeOffset CreatedAt);

public interface IWorkTaskAppService
{
    Task<WorkTaskDto> CreateAsync(CreateWorkTaskDto input, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkTaskDto>> GetMyOpenTasksAsync(CancellationToken cancellationToken = default);

    Task<int> CountMyOpenTasksAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkTaskDto>> GetForLinkAsync(LinkKind kind, Guid id, CancellationToken cancellationToken = default);

    Task<WorkTaskDto> CompleteAsync(Guid id, CancellationToken cancellationToken = default);
}

public interface IApprovalAppService
{
    Task<IReadOnlyList<ApprovalDto>> GetPendingAsync(CancellationToken cancellationToken = default);

    Task<ApprovalDto> DecideAsync(Guid id, bool approve, string? comment, CancellationToken cancellationToken = default);
}

public interface INotificationAppService
{
    Task<IReadOnlyList<NotificationDto>> GetMineAsync(int limit = 50, CancellationToken cancellationToken = default);

    Task<int> CountUnreadAsync(CancellationToken cancellationToken = default);

    Task MarkAllReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>What other modules (and the automation engine) may ask of activities.</summary>
public interface IActivitiesIntegrationService
{
    Task<Guid> RequestApprovalAsync(RequestApprovalInput input, CancellationToken cancellationToken = default);

    Task<Guid> CreateTaskAsync(CreateWorkTaskDto input, string createdBy, CancellationToken cancellationToken = default);

    Task NotifyAsync(Guid userId, string title, string? url, CancellationToken cancellationToken = default);
}

[EventName("activities.approval.decided")]
public sealed record ApprovalDecidedEto(Guid ApprovalId, bool Approved, string DecidedBy, string? Comment, LinkKind LinkKind, Guid? LinkId, string? CorrelationKey);

[EventName("activities.task.completed")]
public sealed record WorkTaskCompletedEto(Guid TaskId, LinkKind LinkKind, Guid? LinkId);
