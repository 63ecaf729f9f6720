using HyperCrm.Framework.Application;

namespace HyperCrm.Automation.Rules;

public interface IRunAppService
{
    Task<PagedResultDto<RunListItemDto>> GetListAsync(GetRunListInput input, CancellationToken cancellationToken = default);

    Task<RunDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Retries a dead-lettered run from its failed step, with the version it ran or the rule's active one.</summary>
    Task RetryAsync(Guid id, bool useActiveVersion, CancellationToken cancellationToken = default);

    /// <summary>Skips a dead-lettered run's failed step; the run goes on with the next one.</summary>
    Task SkipStepAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Retries or skips many dead-lettered runs; returns how many it changed.</summary>
    Task<int> BulkAsync(IReadOnlyList<Guid> ids, bool skip, bool useActiveVersion, CancellationToken cancellationToken = default);

    /// <summary>How many runs wait for an operator (the sidebar badge); an index lookup, not a scan.</summary>
    Task<int> CountDeadLetteredAsync(CancellationToken cancellationToken = default);
}
