namespace HyperCrm.Framework.Hosting;

/// <summary>
/// This process among the app's instances on one database: a unique id (host, process, a random tail, so a restarted
/// process is a new instance) and a name for people (<c>HYPERCRM_INSTANCE_NAME</c>, else the host name).
/// </summary>
public sealed record InstanceIdentity(string Id, string Name, DateTimeOffset StartedAt)
{
    public const int MaxIdLength = 120;

    public static InstanceIdentity Current { get; } = Create();

    private static InstanceIdentity Create()
    {
        var name = Environment.GetEnvironmentVariable("HYPERCRM_INSTANCE_NAME") is { Length: > 0 } given ? given : Environment.MachineName;
        name = name.Length > 60 ? name[..60] : name;
        return new InstanceIdentity($"{name}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}", name,
            DateTimeOffset.UtcNow);
    }
}
