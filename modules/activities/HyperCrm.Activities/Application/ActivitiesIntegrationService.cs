using HyperCrm.Activities.Data;
using HyperCrm.Activities.Domain;
using HyperCrm.Framework.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Application;

public sealed class ActivitiesIntegrationService(ActivitiesDbContext db, TimeProvider clock) : IActivitiesIntegrationService
{
    /// <summary>Requests an approval; with a correlation key, asking twice (a retried rule step) returns the first one.</summary>
    public async Task<Guid> RequestApprovalAsync(RequestApprovalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.CorrelationKey is { } key && await db.Approvals.Where(a => a.CorrelationKey == key).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
            return existing;
        var approval = new Approval(Guid.CreateVersion7(), input);
        db.Approvals.Add(approval);
        await db.SaveChangesAsync(cancellationToken);
        return approval.Id;
    }

    public async Task<Guid> CreateTaskAsync(CreateWorkTaskDto input, string createdBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var task = new WorkTask(Guid.CreateVersion7(), input, createdBy, clock.GetUtcNow());
        db.Tasks.Add(task);
        if (task.AssigneeId is { } assignee)
            db.Notifications.Add(new Notification(Guid.CreateVersion7(), assignee, $"New task: {task.Title}", "/Work", clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return task.Id;
    }

    public async Task NotifyAsync(Guid userId, string title, string? url, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new BusinessException("Activities:TitleRequired", "A notification needs a title.");
        db.Notifications.Add(new Notification(Guid.CreateVersion7(), userId, title, url, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
