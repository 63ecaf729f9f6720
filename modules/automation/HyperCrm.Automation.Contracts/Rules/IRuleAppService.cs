using HyperCrm.Automation.Catalog;

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
    Task<RuleDto> SaveDraftAsync(Guid id, string name, string? description, RuleDefinitionDto draft, string? concurrencyStamp,
        CancellationToken cancellationToken = default);

    /// <summary>Publishes the draft as the next version. Refused with every problem listed; a possible loop needs <paramref
    /// name="acceptLoopRisk"/>.</summary>
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
    Task<DryRunReportDto> DryRunAsync(Guid id, int? version, DateTimeOffset from, DateTimeOffset to, Guid? subjectId,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntryDto>> GetAuditAsync(Guid id, CancellationToken cancellationToken = default);
}
