using System.Text.RegularExpressions;

namespace HyperCrm.Robots.Domain.Bots;

/// <summary>
/// Checks a definition before it is published: each step has what its kind needs, names are names, every placeholder names
/// something the bot will have at that point (a parameter, an earlier extract, the repeat's item, the credentials), the
/// hosts are bare host names (or <c>sandbox</c>), and the expected outcome is a variable some step reads.
/// </summary>
public static partial class BotDefinitionValidator
{
    public const int MaxSteps = 100;
    public const int MaxHosts = 20;
    public const int MaxTextLength = 2000;

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9\-\.]{0,251}[a-z0-9])?(:[0-9]{1,5})?$")]
    private static partial Regex HostPattern();

    /// <summary>The bot's handlers (C# bots) by name, for checking <see cref="BotDefinition.Handler"/>.</summary>
    public static IReadOnlyList<BotDefinitionProblem> Validate(BotDefinition definition, IReadOnlyCollection<string> handlers)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<BotDefinitionProblem>();
        if (definition.AllowedHosts.Count == 0) problems.Add(new("allowed_hosts", "Problem:NoHosts"));
        if (definition.AllowedHosts.Count > MaxHosts) problems.Add(new("allowed_hosts", "Problem:TooManyHosts", MaxHosts));
        foreach (var host in definition.AllowedHosts)
        {
            if (host != BotDefinition.SandboxHost && !HostPattern().IsMatch(host))
                problems.Add(new("allowed_hosts", "Problem:BadHost", host));
        }
        if (definition.TimeoutSeconds is < 1 or > 120) problems.Add(new("timeout_seconds", "Problem:Timeout", 1, 120));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Parameters.Count; i++)
        {
            var name = definition.Parameters[i].Name;
            if (!NamePattern().IsMatch(name ?? string.Empty)) problems.Add(new($"parameters[{i}].name", "Problem:BadName", name ?? ""));
            else if (!names.Add(name!)) problems.Add(new($"parameters[{i}].name", "Problem:DuplicateName", name!));
            if (BotTemplate.Names(definition.Parameters[i].Default).FirstOrDefault(n => n != "sandbox.url") is { } other)
                problems.Add(new($"parameters[{i}].default", "Problem:DefaultPlaceholder", other));
        }
        if (definition.Handler is { Length: > 0 } handler)
        {
            if (!handlers.Contains(handler)) problems.Add(new("handler", "Problem:UnknownHandler", handler));
            if (definition.Steps.Count > 0) problems.Add(new("steps", "Problem:HandlerAndSteps"));
            return problems;
        }
        if (definition.Steps.Count == 0) problems.Add(new("steps", "Problem:NoSteps"));
        if (definition.AllSteps().Count() > MaxSteps) problems.Add(new("steps", "Problem:TooManySteps", MaxSteps));
        var known = new HashSet<string>(names, StringComparer.Ordinal) { "credentials.username", "credentials.password" };
        for (var i = 0; i < definition.Steps.Count; i++) CheckStep(definition.Steps[i], $"steps[{i}]", known, inRepeat: false, problems);
        if (definition.Outcome is { Length: > 0 } outcome && !definition.AllSteps().Any(s => s.Kind == BotStepKind.Extract
            && s.Variable == outcome)) problems.Add(new("outcome", "Problem:OutcomeNotRead", outcome));
        return problems;
    }

    private static void CheckStep(BotStep step, string field, HashSet<string> known, bool inRepeat, List<BotDefinitionProblem> problems)
    {
        var needsTarget = step.Kind is not BotStepKind.Screenshot;
        if (needsTarget && string.IsNullOrWhiteSpace(step.Target)) problems.Add(new($"{field}.target", "Problem:TargetRequired"));
        if (step.Kind is BotStepKind.Fill or BotStepKind.Select && step.Value is null)
            problems.Add(new($"{field}.value", "Problem:ValueRequired"));
        if (step.TimeoutSeconds is < 1 or > 120) problems.Add(new($"{field}.timeout_seconds", "Problem:Timeout", 1, 120));
        foreach (var (text, part) in new[] { (step.Target, "target"), (step.Value, "value"), (step.Description, "description") })
        {
            if (text is { Length: > MaxTextLength }) problems.Add(new($"{field}.{part}", "Problem:TooLong", MaxTextLength));
            foreach (var name in BotTemplate.Names(text))
            {
                if (!known.Contains(name) && !(inRepeat && name.StartsWith("line.", StringComparison.Ordinal)))
                    problems.Add(new($"{field}.{part}", "Problem:UnknownPlaceholder", name));
            }
        }
        if (step.SkipIf is { Length: > 0 } skip && !known.Contains(skip))
            problems.Add(new($"{field}.skip_if", "Problem:UnknownVariable", skip));
        if (step.Kind == BotStepKind.Extract)
        {
            if (!NamePattern().IsMatch(step.Variable ?? string.Empty))
                problems.Add(new($"{field}.variable", "Problem:BadName", step.Variable ?? ""));
            else known.Add(step.Variable!);
        }
        if (step.Kind == BotStepKind.Repeat)
        {
            if (inRepeat) problems.Add(new(field, "Problem:NestedRepeat"));
            if (step.Steps.Count == 0) problems.Add(new($"{field}.steps", "Problem:EmptyRepeat"));
            for (var i = 0; i < step.Steps.Count; i++) CheckStep(step.Steps[i], $"{field}.steps[{i}]", known, inRepeat: true, problems);
        }
        else if (step.Steps.Count > 0) problems.Add(new($"{field}.steps", "Problem:StepsOnlyInRepeat"));
    }
}
