namespace HyperCrm.Automation.Catalog;

/// <summary>What a trigger hands a run: the field values, and the subject (the order or customer the run is about).</summary>
public sealed record TriggerData(IReadOnlyDictionary<string, object?> Values, string? SubjectKind, Guid? SubjectId, string Summary)
{
    /// <summary>Ids other runs may wait on ("until an event about the same order"): the subject and any related ids.</summary>
    public IReadOnlyList<Guid> Correlations { get; init; } = SubjectId is { } id ? [id] : [];
}
