using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities.Automation;

/// <summary>The decision of an approval as trigger data: <c>approval.*</c>, about the approval's order, deal or customer.</summary>
public sealed class ApprovalDecidedEnricher : ITriggerEnricher
{
    public string EventName => "activities.approval.decided";

    public IReadOnlyList<CatalogField> Fields { get; } =
    [
        new("approval.id", FieldType.Text, "the approval"),
        new("approval.approved", FieldType.Boolean, "true when approved, false when rejected"),
        new("approval.comment", FieldType.Text, "the decider's comment"),
        new("approval.decided_by", FieldType.Text, "who decided"),
    ];

    public Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        var decided = (ApprovalDecidedEto)eventData;
        ArgumentNullException.ThrowIfNull(values);
        values["approval.id"] = decided.ApprovalId.ToString();
        values["approval.approved"] = decided.Approved;
        values["approval.comment"] = decided.Comment;
        values["approval.decided_by"] = decided.DecidedBy;
        var correlations = new List<Guid> { decided.ApprovalId };
        if (decided.LinkId is { } link) correlations.Add(link);
        return Task.FromResult(new TriggerData((IReadOnlyDictionary<string, object?>)values, decided.LinkKind.ToString().ToLowerInvariant(),
            decided.LinkId,
            Message.Of(decided.Approved ? "Activities:Run:ApprovedBy" : "Activities:Run:RejectedBy", ("by", decided.DecidedBy)))
        { Correlations = correlations });
    }
}
