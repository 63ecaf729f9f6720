namespace HyperCrm.Automation.Catalog;

/// <summary>Everything an action may use: its parameters, the run's data, who is acting (the rule), and the key.</summary>
public sealed record ActionContext(
    Guid RunId,
    string StepId,
    string IdempotencyKey,
    string RuleName,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyDictionary<string, object?> Data,
    string? SubjectKind,
    Guid? SubjectId)
{
    public string? Text(string name) => Parameters.GetValueOrDefault(name)?.ToString() is { Length: > 0 } text ? text : null;

    public decimal? Number(string name) => Parameters.GetValueOrDefault(name) switch
    {
        decimal d => d,
        null => null,
        var other => decimal.TryParse(other.ToString(), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
    };

    public Guid? Id(string name) => Guid.TryParse(Parameters.GetValueOrDefault(name)?.ToString(), out var id) ? id : null;
}
