using HyperCrm.Framework.Security;

namespace HyperCrm.Customers.Timeline;

public static class Actors
{
    /// <summary>Who the current caller is, as the timeline names actors: a partner's key, a signed-in person, or the system.</summary>
    public static (ActorKind Kind, string? Name) From(ICurrentUser currentUser)
    {
        ArgumentNullException.ThrowIfNull(currentUser);
        return currentUser switch
        {
            { PartnerId: not null } => (ActorKind.Partner, currentUser.UserName),
            { IsAuthenticated: true } => (ActorKind.Human, currentUser.UserName),
            _ => (ActorKind.System, null),
        };
    }
}
