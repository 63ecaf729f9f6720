using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Application;

namespace HyperCrm.Automation.Rules;

public interface IRuleAppService
{
    IReadOnlyList<TriggerDescriptor> GetTriggers();

    IReadOnlyList<ActionDescriptor> GetActions();

    /// <summary>Fields a rule with this definition may read (its trigger's, waited events', earlier steps' outputs).</summary>
    IReadOnlyList<CatalogField> GetFields(RuleDefinitionDto definition);

    Task<IReadOnlyList<RuleListItemDto>> GetListAsync(CancellationToken cancellationToken = default);

    Task<RuleDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Checks a definition without saving it (the editor's live validation).</summary>
    IReadOnlyList<DefinitionProblemDto> Validate(RuleDefinitionDto definition);

    Task<RuleDto> CreateAsync(string name, string? description, RuleDefinitionDto draft, CancellationToken cancellationToken = default);

    /// <summary>Saves the draft; a draft may be incomplete, but publishing checks it.</summary>
    Task<RuleDto> SaveDraftAsync(Guid id, string name, string? description, RuleDefinitionDto draft, string? concurrencyStamp, CancellationToken cancellationToken = default);

    /// <summary>Publishes the draft as the next version. Refused with every problem listed; a possible loop needs <paramref name="acceptLoopRisk"/>.</summary>
    Task<RuleVersionDto> PublishAsync(Guid id, string? note, bool acceptLoopRisk, CancellationToken cancellationToken = default);

    /// <summary>Rules whose actions may set off each other in a circle with this definition (empty when none).</summary>
    Task<IReadOnlyList<string>> FindLoopsAsync(Guid id, RuleDefinitionDto definition, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RuleVersionDto>> GetVersionsAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Makes an earlier version the active one (new runs use it).</summary>
    Task RollbackAsync(Guid id, int version, CancellationToken cancellationToken = default);

    Task SetEnabledAsync(Guid id, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Starts a run of the active version by hand, optionally about one subject.</summary>
    Task<Guid> StartManuallyAsync(Guid id, Guid? subjectId, CancellationToken cancellationToken = default);

    /// <summary>Runs the draft (version null) or a version over recorded events, simulating every side effect.</summary>
    Task<DryRunReportDto> DryRunAsync(Guid id, int? version, DateTimeOffset from, DateTimeOffset to, Guid? subjectId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntryDto>> GetAuditAsync(Guid id, CancellationToken cancellationToken = default);
}

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

public sealed record AuditEntryDto(string Action, string UserName, string? Details, DateTimeOffset At);
