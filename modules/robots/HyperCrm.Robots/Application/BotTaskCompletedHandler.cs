using HyperCrm.Activities;
using HyperCrm.Framework.Events;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Robots.Application;

/// <summary>A person marked a bot's failure task done: they did the work by hand, and whatever waited for the job goes on.</summary>
public sealed class BotTaskCompletedHandler(RobotsDbContext db, TimeProvider clock) : IDistributedEventHandler<WorkTaskCompletedEto>
{
    public async Task HandleEventAsync(WorkTaskCompletedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var job = await db.Jobs.FirstOrDefaultAsync(j => j.TaskId == eventData.TaskId && j.State == BotJobState.NeedsPerson,
            cancellationToken);
        if (job is null) return;
        job.DoneByPerson("the task's assignee", clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
