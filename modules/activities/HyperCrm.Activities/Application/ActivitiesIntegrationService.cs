using HyperCrm.Activities.Data;
using HyperCrm.Activities.Domain;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Application;

public sealed class ActivitiesIntegrationService(ActivitiesDbContext db, TimeProvider clock) : IActivitiesIntegrationService
{
    /// <summary>Requests an approval; with a correlation key, asking twice (a retried rule step) returns the first one.</summary>
    public async Task<Guid> RequestApprovalAsync(RequestApprovalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.CorrelationKey is { } key && await db.Approvals.Where(a => a.CorrelationKey == key).Select(a => (Guid?)a.Id)
            .FirstOrDefaultAsync(cancellationToken) is { } existing)
            return existing;
        var approval = new Approval(Guid.CreateVersion7(), input);
        db.Approvals.Add(approval);
        await db.SaveChangesAsync(cancellationToken);
        return approval.Id;
    }

    public async Task<Guid> CreateTaskAsync(CreateWorkTaskDto input, string createdBy, bool byRule = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.SourceKey is { } key && await db.Tasks.Where(t => t.SourceKey == key).Select(t => (Guid?)t.Id)
            .FirstOrDefaultAsync(cancellationToken) is { } existing)
            return existing;
        var task = new WorkTask(Guid.CreateVersion7(), input, createdBy, clock.GetUtcNow(), byRule ? ActorKind.Rule : ActorKind.Human);
        db.Tasks.Add(task);
        if (task.AssigneeId is { } assignee)
            db.Notifications.Add(new Notification(Guid.CreateVersion7(), assignee,
                Message.Of("Activities:Notification:NewTask", ("title", task.Title)), "/Work", clock.GetUtcNow(),
                input.SourceKey));
        await db.SaveChangesAsync(cancellationToken);
        return task.Id;
    }

    public async Task CloseTaskAsync(Guid taskId, string closedBy, bool byAutomation, CancellationToken cancellationToken = default)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || task.Status != WorkTaskStatus.Open) return;
        task.Complete(closedBy, clock.GetUtcNow(), byAutomation ? ActorKind.Bot : ActorKind.Human);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task NotifyAsync(Guid userId, string title, string? url, string? sourceKey = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new BusinessException("Activities:TitleRequired", "A notification needs a title.");
        if (sourceKey is not null && await db.Notifications.AnyAsync(n => n.SourceKey == sourceKey && n.UserId == userId,
            cancellationToken)) return;
        db.Notifications.Add(new Notification(Guid.CreateVersion7(), userId, Message.Verbatim(title), url, clock.GetUtcNow(), sourceKey));
        await db.SaveChangesAsync(cancellationToken);
    }
}
