using HyperCrm.Activities.Data;
using HyperCrm.Activities.Domain;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Security;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Application;

public sealed class WorkTaskAppService(ActivitiesDbContext db, ICurrentUser currentUser, IPermissionChecker permissions,
    TimeProvider clock) : IWorkTaskAppService
{
    public async Task<WorkTaskDto> CreateAsync(CreateWorkTaskDto input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var me = currentUser.Id ?? throw new BusinessException("Activities:SignInRequired",
            "Only a signed-in person can create tasks here.");
        input.AssigneeId ??= me;
        if (input.AssigneeId == me) input.AssigneeName ??= currentUser.UserName;
        var task = new WorkTask(Guid.CreateVersion7(), input, currentUser.UserName ?? "?", clock.GetUtcNow());
        db.Tasks.Add(task);
        if (task.AssigneeId is { } assignee && assignee != me)
            db.Notifications.Add(new Notification(Guid.CreateVersion7(), assignee,
                Message.Of("Activities:Notification:TaskGiven", ("by", currentUser.UserName), ("title", task.Title)),
                "/Work", clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(task);
    }

    public async Task<IReadOnlyList<WorkTaskDto>> GetMyOpenTasksAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.Id;
        var tasks = await db.Tasks.AsNoTracking()
            .Where(t => t.AssigneeId == me && t.Status == WorkTaskStatus.Open)
            .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenByDescending(t => t.Priority).ThenBy(t => t.Id)
            .Take(200).ToListAsync(cancellationToken);
        return tasks.Select(ToDto).ToList();
    }

    public Task<int> CountMyOpenTasksAsync(CancellationToken cancellationToken = default) =>
        currentUser.Id is { } me ? db.Tasks.CountAsync(t => t.AssigneeId == me && t.Status == WorkTaskStatus.Open,
            cancellationToken) : Task.FromResult(0);

    public async Task<IReadOnlyList<WorkTaskDto>> GetForLinkAsync(LinkKind kind, Guid id, CancellationToken cancellationToken = default) =>
        (await db.Tasks.AsNoTracking().Where(t => (t.LinkKind == kind && t.LinkId == id) || (kind == LinkKind.Customer
            && t.CustomerId == id))
            .OrderByDescending(t => t.Id).Take(100).ToListAsync(cancellationToken)).Select(ToDto).ToList();

    public async Task<WorkTaskDto> CompleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var task = await db.Tasks.FirstOrDefaultAsync(t => t.Id == id,
            cancellationToken) ?? throw new EntityNotFoundException(typeof(WorkTask), id);
        var mayManageAll = currentUser.Principal is { } principal && await permissions.IsGrantedAsync(principal,
            ActivitiesPermissions.ManageAllTasks, cancellationToken);
        if (task.AssigneeId != currentUser.Id && task.CreatorId != currentUser.Id && !mayManageAll)
            throw new EntityNotFoundException(typeof(WorkTask), id);
        task.Complete(currentUser.UserName ?? "?", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(task);
    }

    internal static WorkTaskDto ToDto(WorkTask t) => new(
        t.Id, t.Title, t.Description, t.Status, t.Priority, t.DueDate, t.AssigneeId, t.AssigneeName, t.LinkKind, t.LinkId, t.CustomerId,
            t.CreationTime, t.CompletedAt);
}
