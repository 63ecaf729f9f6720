namespace HyperCrm.Robots.Domain.Bots;

/// <summary>
/// One step of a bot. Texts may hold placeholders: <c>{{name}}</c> for a parameter, an extracted variable or an item's field
/// (<c>{{line.sku}}</c>), <c>{{credentials.username}}</c> and <c>{{credentials.password}}</c> (never written to the run's
/// log). A step with <see cref="SkipIf"/> is skipped when that variable already has a value: how a bot that may have
/// done its work before (a retry after a crash) avoids doing it twice.
/// </summary>
public sealed record BotStep
{
    public BotStepKind Kind { get; init; }

    /// <summary>A CSS selector, a URL (for <see cref="BotStepKind.Goto"/>) or a list parameter (for
    /// <see cref="BotStepKind.Repeat"/>).</summary>
    public string? Target { get; init; }

    public string? Value { get; init; }

    /// <summary>Where <see cref="BotStepKind.Extract"/> puts what it read.</summary>
    public string? Variable { get; init; }

    /// <summary>An extract that finds nothing leaves the variable empty instead of failing.</summary>
    public bool Optional { get; init; }

    public string? SkipIf { get; init; }

    /// <summary>What the step is for, in words a person reads when the bot fails here.</summary>
    public string? Description { get; init; }

    /// <summary>How long to wait for the page or the element; the bot's default when null.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The steps a <see cref="BotStepKind.Repeat"/> runs for each item.</summary>
    public IReadOnlyList<BotStep> Steps { get; init; } = [];
}
