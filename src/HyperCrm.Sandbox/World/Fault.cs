namespace HyperCrm.Sandbox;

/// <summary>A fault a test or demo asked for: fail (503) or answer slowly, until <see cref="Until"/>.</summary>
public sealed record Fault(string Mode, DateTimeOffset Until, TimeSpan Delay);
