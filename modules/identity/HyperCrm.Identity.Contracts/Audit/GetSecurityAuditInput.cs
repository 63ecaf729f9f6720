using HyperCrm.Framework.Application;

namespace HyperCrm.Identity.Audit;

public sealed record GetSecurityAuditInput : PagedInput
{
    public string? Filter { get; init; }
}
