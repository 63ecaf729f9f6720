using HyperCrm.Framework.Localization;
namespace HyperCrm.Automation.Catalog;

/// <summary>
/// What a trigger hands a run: the field values, the subject (the order or customer the run is about), and a summary of
/// the event (a message of the enriching module's resource).
/// </summary>
public sealed record TriggerData(IReadOnlyDictionary<string, object?> Values, string? SubjectKind, Guid? SubjectId, Message Summary)
{
    /// <summary>Ids other runs may wait on ("until an event about the same order"): the subject and any related ids.</summary>
    public IReadOnlyList<Guid> Correlations { get; init; } = SubjectId is { } id ? [id] : [];

    /// <summary>
    /// The event ends its subject's story (an order cancelled): runs still going on about the subject are stopped with
    /// this reason instead of carrying on and failing; null for every other event.
    /// </summary>
    public Message? EndsSubject { get; init; }
}
