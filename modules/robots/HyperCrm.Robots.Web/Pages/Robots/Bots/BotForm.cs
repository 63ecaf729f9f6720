using HyperCrm.Robots.Domain.Bots;

namespace HyperCrm.Robots.Web.Pages.Robots.Bots;

/// <summary>The bot editor's form: the definition flattened to rows (a step "inside" belongs to the repeat above it).</summary>
public sealed class BotForm
{
    public const int BlankRows = 3;

    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string? Hosts { get; set; }
    public int TimeoutSeconds { get; set; } = 15;
    public string? Outcome { get; set; }
    public string? Handler { get; set; }
    public List<ParameterRow> Parameters { get; set; } = [];
    public List<StepRow> Steps { get; set; } = [];

    public sealed class ParameterRow
    {
        public string? Name { get; set; }
        public string? Default { get; set; }
        public string? Description { get; set; }
    }

    public sealed class StepRow
    {
        public BotStepKind? Kind { get; set; }
        public bool Inside { get; set; }
        public string? Target { get; set; }
        public string? Value { get; set; }
        public string? Variable { get; set; }
        public string? SkipIf { get; set; }
        public bool Optional { get; set; }
        public string? Description { get; set; }
        public int? TimeoutSeconds { get; set; }
    }

    public static BotForm From(Bot bot, BotDefinition definition) => new()
    {
        Name = bot.Name,
        Description = bot.Description,
        Hosts = string.Join(", ", definition.AllowedHosts),
        TimeoutSeconds = definition.TimeoutSeconds,
        Outcome = definition.Outcome,
        Handler = definition.Handler,
        Parameters = [.. definition.Parameters.Select(p => new ParameterRow
        {
            Name = p.Name, Default = p.Default, Description = p.Description,
        })],
        Steps = [.. definition.Steps.SelectMany(s => s.Steps.Select(c => Row(c, inside: true)).Prepend(Row(s, inside: false)))],
    };

    private static StepRow Row(BotStep s, bool inside) => new()
    {
        Kind = s.Kind, Inside = inside, Target = s.Target, Value = s.Value, Variable = s.Variable, SkipIf = s.SkipIf,
        Optional = s.Optional, Description = s.Description, TimeoutSeconds = s.TimeoutSeconds,
    };

    /// <summary>Adds empty rows to fill in.</summary>
    public BotForm WithBlanks()
    {
        for (var i = 0; i < BlankRows; i++) Steps.Add(new StepRow());
        Parameters.Add(new ParameterRow());
        return this;
    }

    public BotDefinition ToDefinition()
    {
        var steps = new List<BotStep>();
        foreach (var row in Steps.Where(r => r.Kind is not null))
        {
            var step = new BotStep
            {
                Kind = row.Kind!.Value, Target = Blank(row.Target), Value = row.Value is { Length: > 0 } ? row.Value : null,
                Variable = Blank(row.Variable), SkipIf = Blank(row.SkipIf), Optional = row.Optional, Description = Blank(row.Description),
                TimeoutSeconds = row.TimeoutSeconds,
            };
            if (row.Inside && steps.Count > 0 && steps[^1].Kind == BotStepKind.Repeat)
                steps[^1] = steps[^1] with { Steps = [.. steps[^1].Steps, step] };
            else steps.Add(step);
        }
        return new BotDefinition
        {
            AllowedHosts = [.. (Hosts ?? string.Empty).Split(['\n', ',', ' '],
                    StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(h => h.ToLowerInvariant()).Distinct()],
            TimeoutSeconds = TimeoutSeconds,
            Outcome = Blank(Outcome),
            Handler = Blank(Handler),
            Parameters = [.. Parameters.Where(p => !string.IsNullOrWhiteSpace(p.Name))
                .Select(p => new BotParameter(p.Name!.Trim(), p.Default is { Length: > 0 } ? p.Default : null, Blank(p.Description)))],
            Steps = steps,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
