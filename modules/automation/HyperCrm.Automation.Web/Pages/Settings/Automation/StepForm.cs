using HyperCrm.Automation.Rules;

namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

/// <summary>A step as the editor form posts it (mutable, bindable), converted to and from <see cref="StepDto"/>.</summary>
public sealed class StepForm
{
    public string Id { get; set; } = string.Empty;
    public StepKind Kind { get; set; }
    public string? Action { get; set; }
    public Dictionary<string, string> Parameters { get; set; } = [];

    /// <summary>The actions ticked for a parameter that names catalog actions (an agent's tools), by parameter.</summary>
    public Dictionary<string, List<string>> Lists { get; set; } = [];
    public string? Condition { get; set; }
    public List<StepForm> Then { get; set; } = [];
    public List<StepForm> Else { get; set; } = [];
    public int? Minutes { get; set; }
    public string? Event { get; set; }
    public string? Label { get; set; }

    /// <summary>The action that undoes this action step (none: nothing to undo), and its parameters.</summary>
    public string? UndoAction { get; set; }
    public Dictionary<string, string> UndoParameters { get; set; } = [];

    public static StepForm From(StepDto step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new StepForm
        {
            Id = step.Id, Kind = step.Kind, Action = step.Action, Parameters = new Dictionary<string, string>(step.Parameters), Condition =
                step.Condition,
            Then = step.Then.Select(From).ToList(), Else = step.Else.Select(From)
                .ToList(), Minutes = step.Minutes, Event = step.Event, Label = step.Label,
            UndoAction = step.Compensation?.Action,
            UndoParameters = step.Compensation is { } undo ? new Dictionary<string, string>(undo.Parameters) : [],
        };
    }

    public StepDto ToDto() => new()
    {
        Id = Id.Trim(), Kind = Kind, Action = Kind == StepKind.Action ? Blank(Action) : null,
        Parameters = Filled(Parameters).Concat(Lists.Where(l => l.Value.Count > 0)
                .Select(l => KeyValuePair.Create(l.Key, string.Join(", ", l.Value.Select(v => v.Trim()).Distinct(StringComparer.Ordinal)))))
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
        Condition = Kind == StepKind.Branch ? Blank(Condition) : null,
        Then = Kind == StepKind.Branch ? Then.Select(s => s.ToDto()).ToList() : [],
        Else = Kind == StepKind.Branch ? Else.Select(s => s.ToDto()).ToList() : [],
        Minutes = Kind is StepKind.Wait or StepKind.WaitForEvent or StepKind.Approval ? Minutes : null,
        Event = Kind == StepKind.WaitForEvent ? Blank(Event) : null,
        Label = Blank(Label),
        Compensation = Kind == StepKind.Action && Blank(UndoAction) is { } undo
            ? new CompensationDto { Action = undo, Parameters = Filled(UndoParameters) }
            : null,
    };

    /// <summary>The actions named by a list parameter: as ticked on the form, else as the saved definition has them.</summary>
    public IReadOnlyList<string> Listed(string name) => Lists.TryGetValue(name, out var ticked)
        ? ticked
        : HyperCrm.Automation.Catalog.ActionParameter.ActionNames(Parameters.GetValueOrDefault(name));

    private static Dictionary<string, string> Filled(Dictionary<string, string> parameters) =>
        parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value.Trim());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
