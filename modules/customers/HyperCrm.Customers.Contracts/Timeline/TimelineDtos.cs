using HyperCrm.Framework.Events;

namespace HyperCrm.Customers.Timeline;

/// <summary>Who did something: a person, or one of the automations, each named.</summary>
public enum ActorKind
{
    Human,
    Partner,
    Rule,
    Bot,
    Ai,
    Job,
    System,
}

/// <summary>
/// Any module publishes this (AddDistributedEvent) to put an entry on a customer's timeline; the customers module
/// stores it. A module added later shows up on the timeline without a change here.
/// </summary>
[EventName("customers.timeline.entry", IsTrigger = false)]
public sealed record TimelineEventEto(
    Guid CustomerId,
    DateTimeOffset At,
    string Module,
    string Kind,
    string Title,
    ActorKind Actor,
    string? ActorName,
    string? Reason = null,
    Guid? ReferenceId = null,
    string? ReferenceUrl = null);

public sealed record TimelineEntryDto(
    Guid Id,
    DateTimeOffset At,
    string Module,
    string Kind,
    string Title,
    ActorKind Actor,
    string? ActorName,
    string? Reason,
    Guid? ReferenceId,
    string? ReferenceUrl);

public interface ICustomerTimelineAppService
{
    Task<IReadOnlyList<TimelineEntryDto>> GetAsync(Guid customerId, DateTimeOffset? before = null, int limit = 50, CancellationToken cancellationToken = default);

    /// <summary>The latest entries across all customers (the home page's recent activity).</summary>
    Task<IReadOnlyList<TimelineEntryDto>> GetRecentAsync(int limit, CancellationToken cancellationToken = default);
}
