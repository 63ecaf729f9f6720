using HyperCrm.Framework.Application;

namespace HyperCrm.Identity.Audit;

public interface ISecurityAuditAppService
{
    Task<PagedResultDto<SecurityAuditEntryDto>> GetListAsync(GetSecurityAuditInput input, CancellationToken cancellationToken = default);
}
