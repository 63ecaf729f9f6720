using HyperCrm.Framework.Domain;
using HyperCrm.Identity.Audit;
using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Domain;
using HyperCrm.Intelligence.Fraud;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// The registry as people manage it: versions with their metrics, a retrain that learns from the synthetic set and the
/// CRM's own decisions and promotes the new version only when it beats the current one on the same held-out orders, and
/// promotion or rollback by hand, each audited.
/// </summary>
public sealed class RiskModelAppService(IntelligenceDbContext db, RiskModelRegistry registry, ISecurityAuditLogger audit,
    TimeProvider clock) : IRiskModelAppService
{
    /// <summary>Each person's decision counts as this many synthetic examples: a few hundred of them should move the model.</summary>
    public const int LabelWeight = 20;

    public async Task<IReadOnlyList<RiskModelDto>> GetListAsync(CancellationToken cancellationToken = default) =>
        await db.RiskModels.AsNoTracking().OrderByDescending(m => m.Version)
            .Select(m => new RiskModelDto(m.Version, m.TrainedAt, m.TrainedOn, m.Examples, m.Auc, m.Precision, m.Recall, m.Threshold,
                m.Promoted, m.Bytes.Length, m.TrainingSeconds))
            .ToListAsync(cancellationToken);

    public async Task<RiskModelDto> RetrainAsync(CancellationToken cancellationToken = default)
    {
        var (current, currentVersion) = await registry.CurrentAsync(db, cancellationToken);
        var labels = await db.RiskLabels.AsNoTracking().OrderBy(l => l.At).Select(l => new { l.Inputs, l.Fraud })
            .ToListAsync(cancellationToken);
        var rows = SyntheticOrders.Generate(RiskModelRegistry.SyntheticExamples);
        foreach (var label in labels)
            rows.AddRange(Enumerable.Repeat(label, LabelWeight).Select(l => FraudFeatures.FromJson(l.Inputs, l.Fraud)));
        var seed = SyntheticOrders.DefaultSeed + labels.Count;
        var (train, test) = FraudTrainer.Split(rows, seed);
        var candidate = await Task.Run(() => FraudTrainer.Train(train, test, seed), cancellationToken);
        var incumbent = FraudTrainer.Evaluate(current, test);
        var version = await db.RiskModels.MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0;
        var model = new RiskModel(Guid.CreateVersion7(), version + 1, clock.GetUtcNow(),
            $"{SyntheticOrders.Generator} + {labels.Count} decisions", candidate.Metrics, candidate.Bytes);
        db.RiskModels.Add(model);
        await db.SaveChangesAsync(cancellationToken);
        var better = candidate.Metrics.Auc > incumbent.Auc;
        await audit.LogAsync("ai.model.trained", true, $"fraud-v{model.Version}",
            $"AUC {candidate.Metrics.Auc} against v{currentVersion}'s {incumbent.Auc} on the same {test.Count} held-out orders; " +
            (better ? "promoted" : "kept v" + currentVersion), cancellationToken);
        if (better) await PromoteAsync(model.Version, cancellationToken);
        return (await GetListAsync(cancellationToken)).Single(m => m.Version == model.Version);
    }

    public async Task PromoteAsync(int version, CancellationToken cancellationToken = default)
    {
        var target = await db.RiskModels.FirstOrDefaultAsync(m => m.Version == version, cancellationToken)
            ?? throw new EntityNotFoundException(typeof(RiskModel), version);
        if (target.Promoted) return;
        var previous = await db.RiskModels.FirstOrDefaultAsync(m => m.Promoted, cancellationToken);
        // Demote, then promote: the index allows one promoted model at any moment, so the two changes are two statements.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        previous?.Demote();
        await db.SaveChangesAsync(cancellationToken);
        target.Promote();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        registry.Invalidate();
        await audit.LogAsync("ai.model.promoted", true, $"fraud-v{version}",
            previous is null ? null : $"replaces v{previous.Version}", cancellationToken);
    }
}
