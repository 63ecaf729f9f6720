using HyperCrm.Framework.Events;
using HyperCrm.Framework.Security;

namespace HyperCrm.Framework.Data;

/// <summary>What every module DbContext needs from the container, in one constructor argument.</summary>
public sealed class HyperDbContextDependencies(
    IServiceProvider serviceProvider,
    ICurrentUser currentUser,
    EventRegistry events,
    TimeProvider clock)
{
    public IServiceProvider ServiceProvider { get; } = serviceProvider;
    public ICurrentUser CurrentUser { get; } = currentUser;
    public EventRegistry Events { get; } = events;
    public TimeProvider Clock { get; } = clock;
}
