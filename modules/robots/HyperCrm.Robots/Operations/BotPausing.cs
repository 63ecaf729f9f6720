using HyperCrm.Framework.Operations;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Robots.Operations;

/// <summary>Pausing a bot from the console is the bot's own pause: its queued jobs are not claimed until it is resumed.</summary>
public sealed class BotPausing(RobotsDbContext db, BotAppService bots) : IPausableSource
{
    public string Kind => WorkKinds.Bot;

    public async Task<IReadOnlyList<PausableTarget>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Bots.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name, b.Paused }).ToListAsync(cancellationToken))
        .Select(b => new PausableTarget(Kind, b.Id.ToString(), b.Name, "robots", b.Paused, $"/Robots/Bots/Details?id={b.Id}")).ToList();

    public async Task<bool> SetPausedAsync(string key, bool paused, string by, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out var id) || !await db.Bots.AsNoTracking().AnyAsync(b => b.Id == id, cancellationToken)) return false;
        await bots.SetPausedAsync(id, paused, cancellationToken);
        return true;
    }
}
