using HyperCrm.Automation.Data;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Operations;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Operations;

/// <summary>Dead-lettered runs in the console's list: retry from the failed step (the version it ran), or skip that step.</summary>
public sealed class RunDeadLetters(AutomationDbContext db, IRunAppService runs, MessageFormatter words) : IDeadLetterSource
{
    public string Source => "run";

    public async Task<IReadOnlyList<DeadLetterItem>> ListAsync(string? search, int take, CancellationToken cancellationToken)
    {
        var query = db.Runs.AsNoTracking().Where(r => r.State == RunState.DeadLettered);
        if (search is { Length: > 0 }) query = query.Where(r => EF.Functions.ILike(r.RuleName, LikePattern.Contains(search)));
        var rows = await query.OrderByDescending(r => r.StartedAt).Take(take)
            .Select(r => new { r.Id, r.RuleName, r.CurrentStepId, r.LastError, r.Attempt, r.FinishedAt, r.StartedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DeadLetterItem(Source, r.Id.ToString(), "automation",
            r.CurrentStepId is { } step ? $"{r.RuleName} · {step}" : r.RuleName, words.Format(r.LastError), r.Attempt,
            r.FinishedAt ?? r.StartedAt, $"/Settings/Automation/Run?id={r.Id}")).ToList();
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        db.Runs.AsNoTracking().LongCountAsync(r => r.State == RunState.DeadLettered, cancellationToken);

    public Task<bool> RetryAsync(string id, CancellationToken cancellationToken) => ActAsync(id, skip: false, cancellationToken);

    public Task<bool> SkipAsync(string id, CancellationToken cancellationToken) => ActAsync(id, skip: true, cancellationToken);

    private async Task<bool> ActAsync(string id, bool skip, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var runId)) return false;
        try
        {
            return await runs.BulkAsync([runId], skip, useActiveVersion: false, cancellationToken) == 1;
        }
        catch (BusinessException)
        {
            return false;
        }
    }
}
