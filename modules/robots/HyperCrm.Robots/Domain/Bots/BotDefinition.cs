using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperCrm.Robots.Domain.Bots;

/// <summary>
/// What a version of a bot does: its steps, the parameters it is run with, the only hosts it may open (checked on every
/// navigation and every request the page makes), and its expected outcome: the variable that must have a value when it
/// is done (in a repeat, for every item), e.g. the purchase-order number read from the confirmation page. A bot that needs
/// real logic names a <see cref="Handler"/> (a C# class behind the same contract) instead of steps.
/// </summary>
public sealed record BotDefinition
{
    public const string SandboxHost = "sandbox";

    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    public IReadOnlyList<BotParameter> Parameters { get; init; } = [];

    public IReadOnlyList<BotStep> Steps { get; init; } = [];

    public string? Outcome { get; init; }

    public string? Handler { get; init; }

    /// <summary>How long a step waits for a page or an element, unless it says otherwise.</summary>
    public int TimeoutSeconds { get; init; } = 15;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BotDefinition FromJson(string json) =>
        JsonSerializer.Deserialize<BotDefinition>(json, Json) ?? throw new JsonException("The definition is empty.");

    /// <summary>Every step, the repeats' own steps after their repeat.</summary>
    public IEnumerable<BotStep> AllSteps() => Steps.SelectMany(s => s.Steps.Prepend(s));
}
