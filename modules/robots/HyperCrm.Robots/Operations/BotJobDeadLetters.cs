using HyperCrm.Framework.Data;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Security;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Robots.Operations;

/// <summary>Bot jobs that gave up and wait for a person, in the console's list: retry the bot, or skip (cancel the job).</summary>
public sealed class BotJobDeadLetters(RobotsDbContext db, BotAppService bots, ICurrentUser user) : IDeadLetterSource
{
    public string Source => "bot_job";

    public async Task<IReadOnlyList<DeadLetterItem>> ListAsync(string? search, int take, CancellationToken cancellationToken)
    {
        var query = db.Jobs.AsNoTracking().Where(j => j.State == BotJobState.NeedsPerson);
        if (search is { Length: > 0 })
            query = query.Where(j => EF.Functions.ILike(j.BotName, LikePattern.Contains(search))
                                     || (j.OrderNumber != null && EF.Functions.ILike(j.OrderNumber, LikePattern.Contains(search))));
        var rows = await query.OrderByDescending(j => j.DueAt).Take(take)
            .Select(j => new { j.Id, j.BotName, j.OrderNumber, j.LastError, j.Attempts, j.DueAt, j.FinishedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(j => new DeadLetterItem(Source, j.Id.ToString(), "robots",
            j.OrderNumber is { } order ? $"{j.BotName} · {order}" : j.BotName, j.LastError ?? string.Empty, j.Attempts,
            j.FinishedAt ?? j.DueAt, $"/Robots/Queue?job={j.Id}")).ToList();
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().LongCountAsync(j => j.State == BotJobState.NeedsPerson, cancellationToken);

    public async Task<bool> RetryAsync(string id, CancellationToken cancellationToken)
    {
        if (!await IsDeadAsync(id, cancellationToken)) return false;
        await bots.RetryJobAsync(Guid.Parse(id), cancellationToken);
        return true;
    }

    public async Task<bool> SkipAsync(string id, CancellationToken cancellationToken)
    {
        if (!await IsDeadAsync(id, cancellationToken)) return false;
        await bots.CancelJobAsync(Guid.Parse(id), user.UserName ?? "operator", cancellationToken);
        return true;
    }

    private async Task<bool> IsDeadAsync(string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var jobId)
        && await db.Jobs.AsNoTracking().AnyAsync(j => j.Id == jobId && j.State == BotJobState.NeedsPerson, cancellationToken);
}
