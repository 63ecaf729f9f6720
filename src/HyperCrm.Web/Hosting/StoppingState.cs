namespace HyperCrm.Web.Hosting;

/// <summary>
/// Whether this instance has begun to stop (SIGTERM sets it through <see cref="IHostApplicationLifetime.ApplicationStopping"/>):
/// read by <see cref="HostMiddleware.UseGracefulStop"/> for every request, so requests still arriving are told to retry.
/// </summary>
public sealed class StoppingState
{
    private volatile bool _stopping;

    public StoppingState(IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        lifetime.ApplicationStopping.Register(Begin);
    }

    public bool IsStopping => _stopping;

    public void Begin() => _stopping = true;
}
