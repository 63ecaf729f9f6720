using HyperCrm.Framework.Events;

namespace HyperCrm.Automation.Rules;

/// <summary>A rule's draft became a version. <see cref="DraftStartedAt"/> is when the rule was first drafted: analytics reads
/// the first version's wait as the rule's time to market. Not a trigger for rules.</summary>
[EventName("automation.rule.published", IsTrigger = false)]
public sealed record RulePublishedEto(Guid RuleId, string Name, int Version, string PublishedBy, DateTimeOffset DraftStartedAt,
    DateTimeOffset PublishedAt);
