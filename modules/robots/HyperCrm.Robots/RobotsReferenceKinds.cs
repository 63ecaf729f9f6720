namespace HyperCrm.Robots;

/// <summary>What a robots timeline entry's reference names; the web layer links each to its page.</summary>
public static class RobotsReferenceKinds
{
    public const string Run = "bot_run";
    public const string Job = "bot_job";
}
