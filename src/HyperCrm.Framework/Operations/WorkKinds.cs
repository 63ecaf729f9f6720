namespace HyperCrm.Framework.Operations;

/// <summary>What an operator can pause: the work of one rule, bot, connector or event consumer waits until resumed.</summary>
public static class WorkKinds
{
    /// <summary>An automation rule, by id: its runs are started and kept, and not moved on.</summary>
    public const string Rule = "rule";

    /// <summary>A bot, by id: its queued jobs are not claimed.</summary>
    public const string Bot = "bot";

    /// <summary>A connector, by name: steps that would call it wait and try again after the resume.</summary>
    public const string Connector = "connector";

    /// <summary>A module's event consumer, by its name: its events stay in the outbox until it is resumed.</summary>
    public const string Consumer = "consumer";

    public static readonly IReadOnlyList<string> All = [Rule, Bot, Connector, Consumer];
}
