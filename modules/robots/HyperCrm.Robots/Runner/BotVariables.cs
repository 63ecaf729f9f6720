using System.Text.Json;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// What a run's placeholders read: the job's parameters (a definition's defaults under them), the credentials, the
/// variables the bot extracted so far and, inside a repeat, the current item (<c>line.sku</c>). What the bot extracts is
/// also collected as its outputs, one value per repeat item.
/// </summary>
public sealed class BotVariables(IReadOnlyDictionary<string, JsonElement> parameters, string? userName, string? password)
{
    /// <summary>This app's simulators (<c>http://127.0.0.1:5080/sandbox</c>), for a parameter's default.</summary>
    public const string SandboxUrl = "sandbox.url";

    private readonly Dictionary<string, string> _extracted = new(StringComparer.Ordinal);
    private JsonElement? _item;

    public Dictionary<string, List<string>> Outputs { get; } = new(StringComparer.Ordinal);

    public string? Get(string name)
    {
        if (name == "credentials.username") return userName;
        if (name == "credentials.password") return password;
        if (name.StartsWith("line.", StringComparison.Ordinal))
            return _item is { ValueKind: JsonValueKind.Object } item && item.TryGetProperty(name[5..], out var field) ? Text(field) : null;
        if (_extracted.TryGetValue(name, out var value)) return value;
        return parameters.TryGetValue(name, out var parameter) ? Text(parameter) : null;
    }

    public bool HasValue(string name) => !string.IsNullOrEmpty(Get(name));

    public void Set(string name, string value)
    {
        _extracted[name] = value;
        if (!Outputs.TryGetValue(name, out var values)) Outputs[name] = values = [];
        if (value.Length > 0) values.Add(value);
    }

    /// <summary>The items of a list parameter (the order's lines); a missing or non-list parameter has none.</summary>
    public IReadOnlyList<JsonElement> Items(string name) =>
        parameters.TryGetValue(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];

    /// <summary>Starts an item of a repeat: what the previous item extracted is forgotten (its outputs stay).</summary>
    public void BeginItem(JsonElement item, IEnumerable<string> itemVariables)
    {
        _item = item;
        foreach (var name in itemVariables) _extracted.Remove(name);
    }

    public void EndItems() => _item = null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
