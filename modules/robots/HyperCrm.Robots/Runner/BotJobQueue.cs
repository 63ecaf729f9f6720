using HyperCrm.Robots.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// The bots' queue, in PostgreSQL: a worker claims the next due job of a bot that is not paused (<c>FOR UPDATE SKIP
/// LOCKED</c>, so instances and workers never take the same one), or a job whose worker's lease ran out (its instance
/// crashed). The claim counts the attempt and sets the lease; the worker renews it while the bot works.
/// </summary>
public sealed class BotJobQueue(RobotsDbContext db, TimeProvider clock)
{
    public async Task<Guid?> ClaimAsync(string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + lease;
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE robots.bot_jobs SET state = 'Running', lease_owner = {owner}, lease_until = {until}, attempts = attempts + 1,
                   concurrency_stamp = md5(random()::text)
            WHERE id = (SELECT j.id FROM robots.bot_jobs j JOIN robots.bots b ON b.id = j.bot_id
                        WHERE ((j.state = 'Queued' AND j.due_at <= {now}) OR (j.state = 'Running' AND j.lease_until < {now}))
                          AND (NOT b.paused OR j.is_test)
                        ORDER BY j.due_at LIMIT 1 FOR UPDATE OF j SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        return claimed.Count == 0 ? null : claimed[0];
    }

    /// <summary>Extends the lease; false when this worker no longer holds the job (it must stop).</summary>
    public async Task<bool> RenewAsync(Guid jobId, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + lease;
        return await db.Database.ExecuteSqlAsync($"""
            UPDATE robots.bot_jobs SET lease_until = {until} WHERE id = {jobId} AND state = 'Running' AND lease_owner = {owner}
            """, cancellationToken) == 1;
    }

    /// <summary>
    /// Hands a job back when this instance stops mid-run: queued again at once, the interrupted attempt not counted, so the
    /// next instance need not wait for the lease to lapse (the bot's own check keeps a half-done job to one effect).
    /// </summary>
    public async Task ReleaseAsync(Guid jobId, string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE robots.bot_jobs SET state = 'Queued', lease_owner = NULL, lease_until = NULL, due_at = {now},
                   attempts = greatest(attempts - 1, 0), concurrency_stamp = md5(random()::text)
            WHERE id = {jobId} AND state = 'Running' AND lease_owner = {owner}
            """, cancellationToken);
    }

    /// <summary>One look at the jobs of bots not paused, in one statement: how many a worker could take now (due, or with a
    /// lapsed lease), what the pool grows for, and when the next one becomes claimable.</summary>
    public async Task<QueueLook> LookAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Database.SqlQuery<QueueLook>($"""
            SELECT count(*) FILTER (WHERE (j.state = 'Queued' AND j.due_at <= {now})
                                       OR (j.state = 'Running' AND j.lease_until < {now}))::int AS ready,
                   min(CASE WHEN j.state = 'Queued' THEN j.due_at ELSE j.lease_until END) AS next_due
            FROM robots.bot_jobs j JOIN robots.bots b ON b.id = j.bot_id
            WHERE j.state IN ('Queued', 'Running') AND (NOT b.paused OR j.is_test)
            """).SingleAsync(cancellationToken);
    }
}
