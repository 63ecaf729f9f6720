using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Domain;
using HyperCrm.Intelligence.Fraud;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// The model that scores orders now: the promoted version of the registry, loaded once per process. An installation with
/// no model yet gets version 1, trained from the synthetic generator (<see cref="SyntheticOrders"/>) and stored with its
/// held-out metrics, so the first order is scored by a model anyone can inspect. The synthetic model is trained once per
/// process (it is deterministic), whichever installation asks. Another instance's promotion is noticed within
/// <see cref="RecheckEvery"/> (a one-column read); this instance's at once (<see cref="Invalidate"/>).
/// </summary>
public sealed class RiskModelRegistry(TimeProvider clock, ILogger<RiskModelRegistry> logger) : IDisposable
{
    /// <summary>How many synthetic orders the first model learns from.</summary>
    public const int SyntheticExamples = 20_000;

    private static readonly Lazy<FraudModel> Synthetic = new(() => FraudTrainer.Train(SyntheticOrders.Generate(SyntheticExamples)));

    public static readonly TimeSpan RecheckEvery = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (FraudModel Model, int Version)? _current;
    private DateTimeOffset _checkedAt;

    /// <summary>Forgets the loaded model: the next score reads the promoted one again.</summary>
    public void Invalidate() => _current = null;

    /// <summary>The synthetic set's model, trained once per process.</summary>
    public static FraudModel SyntheticModel => Synthetic.Value;

    public async Task<(FraudModel Model, int Version)> CurrentAsync(IntelligenceDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_current is { } known && clock.GetUtcNow() - _checkedAt < RecheckEvery) return known;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded)
            {
                var version = await db.RiskModels.AsNoTracking().Where(m => m.Promoted).Select(m => (int?)m.Version)
                    .FirstOrDefaultAsync(cancellationToken);
                _checkedAt = clock.GetUtcNow();
                if (version == loaded.Version) return loaded;
            }
            var promoted = await db.RiskModels.AsNoTracking().FirstOrDefaultAsync(m => m.Promoted, cancellationToken);
            _checkedAt = clock.GetUtcNow();
            if (promoted is not null)
            {
                _current = (FraudTrainer.Load(promoted.Bytes, promoted.Metrics), promoted.Version);
                return _current.Value;
            }
            var model = Synthetic.Value;
            var first = new RiskModel(Guid.CreateVersion7(), 1, clock.GetUtcNow(), SyntheticOrders.Generator, model.Metrics, model.Bytes);
            first.Promote();
            db.RiskModels.Add(first);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Fraud-risk model 1 trained from {Generator}: AUC {Auc} on {HeldOut} held-out orders",
                    SyntheticOrders.Generator, model.Metrics.Auc, model.Metrics.HeldOut);
            }
            catch (DbUpdateException)
            {
                // Another instance stored version 1 first: theirs is the same model (the training is deterministic).
                db.ChangeTracker.Clear();
            }
            _current = (model, 1);
            return _current.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
