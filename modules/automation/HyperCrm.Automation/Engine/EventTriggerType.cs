namespace HyperCrm.Automation.Engine;

/// <summary>An event type the engine listens to, found by its [EventName] in any module's assembly.</summary>
public sealed record EventTriggerType(string Key, Type EventType, string Module);
