using System.Text.Json;
using System.Text.RegularExpressions;

namespace HyperCrm.Intelligence.Agents;

/// <summary>
/// The leash an agent works on, apart from the tools it is granted. It may name only records it was shown (the run's own
/// ids, ids in what its tools returned) — an id typed into a customer's message is text, not a record shown — so an
/// injected "look at order …" cannot reach someone else's data. Secrets and staff-only values never reach the model: keys
/// that look like credentials are cut from every tool result. A call repeated with the same arguments is a loop.
/// </summary>
public sealed partial class AgentGuard
{
    private readonly HashSet<Guid> _known = [];

    /// <summary>The ids the run itself holds: its subject and every value of its data that is exactly an id.</summary>
    public AgentGuard(Guid? subjectId, IReadOnlyDictionary<string, object?> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (subjectId is { } subject) _known.Add(subject);
        foreach (var value in data.Values)
        {
            // Read back from the run's JSON a value is an element, not a string.
            var text = value switch { Guid id => id.ToString(), JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(), _ =>
                value as string };
            if (Guid.TryParse(text, out var parsed)) _known.Add(parsed);
        }
    }

    /// <summary>Learns the ids a tool returned (values that are exactly an id, at any depth of its JSON).</summary>
    public void Learn(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON: nothing to learn.
        }
    }

    /// <summary>The first id in the arguments the agent was never shown, or null.</summary>
    public Guid? Unknown(IReadOnlyDictionary<string, object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        foreach (var value in arguments.Values)
        {
            var text = value switch { JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(), string s => s, _ => null };
            if (text is not null && Guid.TryParse(text.Trim(), out var id) && !_known.Contains(id)) return id;
        }
        return null;
    }

    /// <summary>The outputs with credential-like keys removed, as the JSON the model reads.</summary>
    public static string Redact(IReadOnlyDictionary<string, object?> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var kept = outputs.Where(o => !Secret().IsMatch(o.Key)).ToDictionary(o => o.Key, o => Nested(o.Value), StringComparer.Ordinal);
        return JsonSerializer.Serialize(kept, AgentJson.Options);
    }

    /// <summary>The same tool with the same arguments (property order aside).</summary>
    public static string Signature(string tool, string arguments)
    {
        try
        {
            using var document = JsonDocument.Parse(arguments);
            var sorted = document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => $"{p.Name}={p.Value.GetRawText()}")
                : [document.RootElement.GetRawText()];
            return tool + "(" + string.Join(",", sorted) + ")";
        }
        catch (JsonException)
        {
            return tool + "(" + arguments + ")";
        }
    }

    /// <summary>A nested JSON text (a look-up's list) is parsed, so its own secret keys are cut too.</summary>
    private static object? Nested(object? value)
    {
        if (value is not string { Length: > 1 } text || text[0] is not ('{' or '[')) return value;
        try
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(text);
            Strip(node);
            return node;
        }
        catch (JsonException)
        {
            return value;
        }
    }

    private static void Strip(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                foreach (var key in o.Select(p => p.Key).Where(k => Secret().IsMatch(k)).ToList()) o.Remove(key);
                foreach (var (_, child) in o) Strip(child);
                break;
            case System.Text.Json.Nodes.JsonArray a:
                foreach (var child in a) Strip(child);
                break;
        }
    }

    private void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when Guid.TryParse(element.GetString(), out var id):
                _known.Add(id);
                break;
            case JsonValueKind.String when element.GetString() is { Length: > 1 } text && text[0] is '{' or '[':
                Learn(text);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Walk(property.Value);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item);
                break;
        }
    }

    [GeneratedRegex("(secret|password|passwd|token|api_?key|credential|iban|card_?number|cvv)", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();
}
