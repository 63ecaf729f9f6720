using HyperCrm.Automation.Data;
using HyperCrm.Automation.Domain.Rules;
using HyperCrm.Automation.Domain.Runs;
using HyperCrm.Automation.Engine;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Application;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Security;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Application;

public sealed class RunAppService(AutomationDbContext db, RuleProgramCache programs, RunSignal signal, ICurrentUser currentUser,
    MessageFormatter words, TimeProvider clock) : IRunAppService
{
    public async Task<PagedResultDto<RunListItemDto>> GetListAsync(GetRunListInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = db.Runs.AsNoTracking();
        if (input.RuleId is { } rule) query = query.Where(r => r.RuleId == rule);
        if (input.State is { } state) query = query.Where(r => r.State == state);
        if (input.SubjectId is { } subject) query = query.Where(r => r.SubjectId == subject);
        if (input.From is { } from) query = query.Where(r => r.StartedAt >= from);
        if (input.To is { } to) query = query.Where(r => r.StartedAt < to);
        var total = await query.Take(PagedInput.CountCap + 1).LongCountAsync(cancellationToken);
        var items = (await query.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip(input.Skip).Take(input.Take)
            .Select(r => new { r.Id, r.RuleId, r.RuleName, r.VersionNumber, r.State, r.SubjectKind, r.SubjectId, r.Summary, r.StartedAt,
                r.FinishedAt, r.LastError })
            .ToListAsync(cancellationToken))
            .Select(r => new RunListItemDto(r.Id, r.RuleId, r.RuleName, r.VersionNumber, r.State, r.SubjectKind, r.SubjectId,
                words.Format(r.Summary), r.StartedAt, r.FinishedAt, Worded(r.LastError)))
            .ToList();
        return new PagedResultDto<RunListItemDto>(total, items) { TotalIsLowerBound = total > PagedInput.CountCap };
    }

    public async Task<RunDto> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id,
            cancellationToken) ?? throw new EntityNotFoundException(typeof(Run), id);
        // The labels are the rule's own words for its steps, in the version the run executes (compiled once, cached).
        var labels = (await programs.GetAsync(db, run.VersionId, cancellationToken)).Program
            .Where(i => i.Step.Label is not null).DistinctBy(i => i.Step.Id).ToDictionary(i => i.Step.Id, i => i.Step.Label!);
        var steps = (await db.RunSteps.AsNoTracking().Where(s => s.RunId == id).OrderBy(s => s.Seq).ToListAsync(cancellationToken))
            .Select(s => new RunStepDto(s.Seq, s.StepId, s.Kind, s.Action, s.State, s.Attempt, s.Input, s.Output, Worded(s.Reason),
                s.Error, s.StartedAt, s.FinishedAt, s.IdempotencyKey) { Label = labels.GetValueOrDefault(s.StepId) })
            .ToList();
        return new RunDto(run.Id, run.RuleId, run.RuleName, run.VersionId, run.VersionNumber, run.State, run.Trigger, run.EventId,
            run.SubjectKind, run.SubjectId,
            words.Format(run.Summary), run.Depth, run.CurrentStepId, run.Attempt, run.NextAttemptAt, run.WaitTrigger,
            Worded(run.LastError), run.StartedAt,
                run.FinishedAt,
            run.Data.ToDictionary(d => d.Key, d => (object?)HyperCrm.Automation.Domain.Expressions.FieldValues.Format(d.Value)),
            steps);
    }

    public async Task RetryAsync(Guid id, bool useActiveVersion, CancellationToken cancellationToken = default)
    {
        var run = await LockedAsync(id, cancellationToken);
        await RetryAsync(run, useActiveVersion, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }

    public async Task SkipStepAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await LockedAsync(id, cancellationToken);
        Skip(run);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
    }

    public async Task<int> BulkAsync(IReadOnlyList<Guid> ids, bool skip, bool useActiveVersion,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var runs = await db.Runs.Where(r => ids.Contains(r.Id) && r.State == RunState.DeadLettered).ToListAsync(cancellationToken);
        foreach (var run in runs)
        {
            if (skip) Skip(run);
            else await RetryAsync(run, useActiveVersion, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return runs.Count;
    }

    public Task<int> CountDeadLetteredAsync(CancellationToken cancellationToken = default) =>
        db.Runs.AsNoTracking().CountAsync(r => r.State == RunState.DeadLettered, cancellationToken);

    private async Task RetryAsync(Run run, bool useActiveVersion, CancellationToken cancellationToken)
    {
        var stepId = run.CurrentStepId ?? (await programs.GetAsync(db, run.VersionId,
            cancellationToken)).Program.ElementAtOrDefault(run.Pc)?.Step.Id
                     ?? throw new BusinessException("Automation:NoFailedStep", "The run has no failed step to retry.");
        var (versionId, number) = (run.VersionId, run.VersionNumber);
        if (useActiveVersion)
        {
            var rule = await db.Rules.AsNoTracking().FirstAsync(r => r.Id == run.RuleId, cancellationToken);
            (versionId, number) = (rule.ActiveVersionId ?? run.VersionId, rule.ActiveVersionNumber ?? run.VersionNumber);
        }
        var program = await programs.GetAsync(db, versionId, cancellationToken);
        var pc = program.IndexOf(stepId);
        if (pc < 0)
            throw new BusinessException("Automation:StepNotInVersion",
                $"Version {number} has no step '{stepId}'; retry with the version the run started with.");
        run.RetryFrom(versionId, number, pc, stepId, clock.GetUtcNow());
        Audit(run, "retried", Message.Of("Automation:Audit:RetriedFrom", ("step", stepId), ("version", number)));
    }

    private void Skip(Run run)
    {
        var stepId = run.CurrentStepId;
        run.SkipFailedStep(clock.GetUtcNow());
        db.RunSteps.Add(run.Log(stepId ?? "?", "skipped", null, StepState.Skipped, null, null, Message.Of("Automation:Run:SkippedBy",
            ("user", currentUser.UserName ?? "?")),
            null, clock.GetUtcNow(), clock.GetUtcNow(), null));
        Audit(run, "step_skipped", Message.VerbatimOrNull(stepId));
    }

    private void Audit(Run run, string action, Message? details) =>
        db.Audit.Add(new AuditEntry(Guid.CreateVersion7(), run.RuleId, run.Id, action, currentUser.UserName ?? "system", details,
            clock.GetUtcNow()));

    private async Task<Run> LockedAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Runs.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new EntityNotFoundException(typeof(Run), id);

    private string? Worded(Message? message) => message is null ? null : words.Format(message);
}
