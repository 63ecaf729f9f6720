namespace HyperCrm.Robots.Domain.Bots;

/// <summary>A value the bot is run with (bound from the run: the order's number, its lines), with a default.</summary>
public sealed record BotParameter(string Name, string? Default = null, string? Description = null);
