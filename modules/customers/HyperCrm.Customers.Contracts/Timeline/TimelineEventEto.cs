using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Customers.Timeline;

/// <summary>
/// Any module publishes this (AddDistributedEvent) to put an entry on a customer's timeline; the customers module
/// stores it. A module added later shows up on the timeline without a change here. <see cref="ReferenceKind"/> says what
/// <see cref="ReferenceId"/> names (<see cref="TimelineReferenceKinds"/>); the web layer links it to its page. The title
/// and the reason are messages (a text key of the publishing module's resource and its arguments), worded for the reader.
/// </summary>
[EventName("customers.timeline.entry", IsTrigger = false)]
public sealed record TimelineEventEto(
    Guid CustomerId,
    DateTimeOffset At,
    string Module,
    string Kind,
    Message Title,
    ActorKind Actor,
    string? ActorName,
    Message? Reason = null,
    Guid? ReferenceId = null,
    string? ReferenceKind = null);
