using HyperCrm.Activities.Data;
using HyperCrm.Activities.Domain;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Application;

public sealed class ApprovalAppService(ActivitiesDbContext db, ICurrentUser currentUser, TimeProvider clock) : IApprovalAppService
{
    public async Task<IReadOnlyList<ApprovalDto>> GetPendingAsync(CancellationToken cancellationToken = default) =>
        (await db.Approvals.AsNoTracking().Where(a => a.Status == ApprovalStatus.Pending).OrderBy(a => a.CreationTime).Take(200)
            .ToListAsync(cancellationToken))
        .Select(ToDto).ToList();

    public async Task<IReadOnlyList<ApprovalDto>> GetPendingForAsync(LinkKind kind, Guid id,
        CancellationToken cancellationToken = default) =>
        (await db.Approvals.AsNoTracking().Where(a => a.Status == ApprovalStatus.Pending && a.LinkKind == kind && a.LinkId == id)
            .OrderBy(a => a.CreationTime).Take(20).ToListAsync(cancellationToken))
        .Select(ToDto).ToList();

    public async Task<ApprovalDto> DecideAsync(Guid id, bool approve, string? comment, CancellationToken cancellationToken = default)
    {
        var approval = await db.Approvals.FirstOrDefaultAsync(a => a.Id == id,
            cancellationToken) ?? throw new EntityNotFoundException(typeof(Approval), id);
        approval.Decide(approve, currentUser.UserName ?? "?", comment, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(approval);
    }

    internal static ApprovalDto ToDto(Approval a) => new(
        a.Id, a.Title, a.Details, a.Status, a.LinkKind, a.LinkId, a.CustomerId, a.RequestedBy, a.CreationTime, a.DecidedBy, a.DecidedAt,
            a.Comment);
}
