namespace HyperCrm.Framework.Hosting;

/// <summary>Tags of the health checks: those tagged <see cref="Ready"/> decide /health/ready.</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
