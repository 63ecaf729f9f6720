namespace HyperCrm.Analytics.Domain;

/// <summary>The kinds of object an event log entry's case is (OCEL object types).</summary>
public static class ObjectTypes
{
    public const string Order = "order";
    public const string Deal = "deal";
    public const string Customer = "customer";
    public const string Run = "run";
    public const string Rule = "rule";
    public const string Bot = "bot";
}
