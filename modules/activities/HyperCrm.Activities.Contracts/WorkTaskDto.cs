using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using HyperCrm.Framework;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

public sealed record WorkTaskDto(
    Guid Id, string Title, string? Description, WorkTaskStatus Status, WorkTaskPriority Priority, DateOnly? DueDate,
    Guid? AssigneeId, string? AssigneeName, LinkKind LinkKind, Guid? LinkId, Guid? CustomerId, DateTimeOffset CreationTime, DateTimeOffset? CompletedAt)
{
    public bool IsOverdue(DateOnly today) => Status == WorkTaskStatus.Open && DueDate < today;
}
