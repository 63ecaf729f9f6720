namespace HyperCrm.Robots.Domain.Bots;

/// <summary>What is wrong with a bot's definition: the field (<c>steps[3].target</c>) and a message key of the Robots
/// resource with its arguments.</summary>
public sealed record BotDefinitionProblem(string Field, string Key, params object[] Arguments);
