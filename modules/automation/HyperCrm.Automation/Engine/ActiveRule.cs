namespace HyperCrm.Automation.Engine;

/// <summary>An enabled rule's active version, as the engine starts runs from it.</summary>
public sealed record ActiveRule(Guid Id, string Name, Guid VersionId, int Version);
