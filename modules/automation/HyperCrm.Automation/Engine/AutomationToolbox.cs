using System.Globalization;
using System.Text.Json;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// The catalog's actions as an agent's tools: arguments are checked against the action's typed parameters before it runs
/// (unknown, missing, wrongly typed or oversized values are refused, never guessed), the action runs with the key
/// <c>run:step:call</c>, and a failure comes back as a result instead of failing the step, for the agent to read.
/// </summary>
public sealed class AutomationToolbox(AutomationActionMap actions, AutomationCatalog catalog, IServiceProvider services)
    : IAutomationToolbox
{
    /// <summary>The longest text an agent may pass as one argument.</summary>
    public const int MaxArgumentLength = 4000;

    public IReadOnlyList<ActionDescriptor> Describe(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Distinct(StringComparer.Ordinal).Select(catalog.FindAction).OfType<ActionDescriptor>().ToList();
    }

    public async Task<ToolCallResult> CallAsync(ActionContext step, IReadOnlyCollection<string> granted, string callId, string tool,
        IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(granted);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!granted.Contains(tool)) return ToolCallResult.Refused($"The tool '{tool}' is not one this step may use.");
        if (Validate(tool, arguments) is { } problem) return ToolCallResult.Refused(problem);
        var descriptor = catalog.FindAction(tool)!;
        var parameters = descriptor.Parameters.Where(p => arguments.ContainsKey(p.Name))
            .ToDictionary(p => p.Name, p => Plain(arguments[p.Name]), StringComparer.Ordinal);
        return await RunAsync(step, callId, tool, parameters, cancellationToken);
    }

    public string? Validate(string tool, IReadOnlyDictionary<string, object?> arguments)
    {
        var descriptor = catalog.FindAction(tool);
        if (descriptor is null || descriptor.WaitsFor is not null || tool == RuleCompiler.ApprovalAction
            || descriptor.Parameters.Any(p => p.ActionList))
            return $"The catalog offers no tool '{tool}'.";
        return Check(descriptor, arguments);
    }

    public Task<ToolCallResult> RequestApprovalAsync(ActionContext step, string callId, string title, string details,
        CancellationToken cancellationToken) =>
        RunAsync(step, callId, RuleCompiler.ApprovalAction, new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = title.Length > 200 ? title[..200] : title, ["details"] = details.Length > 2000 ? details[..2000] : details,
        }, cancellationToken);

    private async Task<ToolCallResult> RunAsync(ActionContext step, string callId, string tool, Dictionary<string, object?> parameters,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var action = actions.Resolve(services, tool);
        if (action is null) return ToolCallResult.Refused($"The catalog offers no tool '{tool}'.");
        try
        {
            var result = await action.ExecuteAsync(step with { IdempotencyKey = $"{step.IdempotencyKey}:{callId}",
                Parameters = parameters },
                cancellationToken);
            return new ToolCallResult(result.Summary, result.Outputs ?? new Dictionary<string, object?>(), null, null, result.Wait);
        }
        catch (Exception ex) when (ex is PermanentActionException or BusinessException or HttpRequestException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ToolCallResult.Failed(ex.Message);
        }
    }

    /// <summary>The first thing wrong with the arguments against the tool's parameters, or null.</summary>
    public static string? Check(ActionDescriptor tool, IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var name in arguments.Keys)
            if (tool.Parameters.All(p => p.Name != name)) return $"'{tool.Name}' has no parameter '{name}'.";
        foreach (var parameter in tool.Parameters)
        {
            var value = Plain(arguments.GetValueOrDefault(parameter.Name));
            if (value is null || value is string { Length: 0 })
            {
                if (parameter.Required) return $"'{parameter.Name}' is required: {parameter.Description}.";
                continue;
            }
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            if (text.Length > MaxArgumentLength) return $"'{parameter.Name}' is longer than {MaxArgumentLength} characters.";
            var fits = parameter.Type switch
            {
                FieldType.Number => value is decimal or int or long or double
                    || decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
                FieldType.Boolean => value is bool || bool.TryParse(text, out _),
                FieldType.DateTime => value is DateTimeOffset || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out _),
                _ => value is string or decimal or int or long or double or bool or Guid,
            };
            if (!fits) return $"'{parameter.Name}' must be {parameter.Type.ToString().ToLowerInvariant()}, not '{Cut(text)}'.";
        }
        return null;
    }

    /// <summary>A model's JSON value as a plain value (text, number, true/false); objects and arrays stay JSON text.</summary>
    private static object? Plain(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Number } e => e.TryGetDecimal(out var d) ? d : e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        JsonElement e => e.GetRawText(),
        _ => value,
    };

    private static string Cut(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
