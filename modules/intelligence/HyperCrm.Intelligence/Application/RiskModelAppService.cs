using HyperCrm.Intelligence.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Intelligence.Application;

public sealed class RiskModelAppService(IntelligenceDbContext db) : IRiskModelAppService
{
    public async Task<IReadOnlyList<RiskModelDto>> GetListAsync(CancellationToken cancellationToken = default) =>
        await db.RiskModels.AsNoTracking().OrderByDescending(m => m.Version)
            .Select(m => new RiskModelDto(m.Version, m.TrainedAt, m.TrainedOn, m.Examples, m.Auc, m.Precision, m.Recall, m.Threshold,
                m.Promoted, m.Bytes.Length, m.TrainingSeconds))
            .ToListAsync(cancellationToken);
}
