using HyperCrm.Customers.Data;
using HyperCrm.Customers.Domain.Timeline;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Security;

namespace HyperCrm.Customers.Application;

/// <summary>Adds timeline entries for the customers module's own actions, in the caller's transaction, naming the actor.</summary>
public sealed class TimelineWriter(CustomersDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public void Add(Guid customerId, string kind, Message title, Message? reason = null, ActorKind? actorKind = null,
        string? actorName = null)
    {
        var (actor, name) = actorKind is { } given ? (given, actorName) : Actors.From(currentUser);
        db.Timeline.Add(new TimelineEntry(Guid.CreateVersion7(), new TimelineEventEto(
            customerId, clock.GetUtcNow(), "customers", kind, title, actor, name, reason, customerId, TimelineReferenceKinds.Customer)));
    }
}
