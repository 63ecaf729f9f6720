namespace HyperCrm.Framework.Operations;

/// <summary>Something an operator may pause: its kind (<see cref="WorkKinds"/>), key, name, module, and whether it is paused.</summary>
public sealed record PausableTarget(string Kind, string Key, string Name, string Module, bool Paused, string? Link);
