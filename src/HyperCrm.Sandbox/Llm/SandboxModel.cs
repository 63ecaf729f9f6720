using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HyperCrm.Sandbox;

/// <summary>
/// How the sandbox model answers, turn by turn, the same way every time. Offered tools: it calls each read-only tool once
/// ("It only reads." in the description), then each tool that changes data once, filling every parameter it can (ids from
/// earlier results or the conversation, a title or text from the goal), and at last it answers with a summary of what it did.
/// No tools: it writes a short, polite reply in the language of the last message (drafting).
/// </summary>
internal static partial class SandboxModel
{
    public sealed record ToolCall(string Name, JsonObject Arguments);

    public sealed record Turn(string? Text, ToolCall? Call);

    public static Turn Answer(JsonArray messages, JsonArray tools)
    {
        var conversation = string.Join("\n", messages.Select(m => Content(m?["content"])));
        var goal = messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user") is { } user ? Content(user["content"])
            : string.Empty;
        if (tools.Count == 0) return new Turn(Reply(goal), null);
        var called = messages.SelectMany(m => m?["tool_calls"] as JsonArray ?? [])
            .Select(c => c?["function"]?["name"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var offered = tools.Select(t => t?["function"]).OfType<JsonNode>()
            .Select(f => (Name: f["name"]!.GetValue<string>(), Reads: f["description"]?.GetValue<string>().Contains("It only reads.",
                StringComparison.Ordinal) == true, Parameters: f["parameters"] as JsonObject))
            .OrderBy(t => t.Reads ? 0 : 1).ToList();
        foreach (var tool in offered.Where(t => !called.Contains(t.Name)))
        {
            if (Fill(tool.Parameters, conversation, goal) is { } arguments) return new Turn(null, new ToolCall(tool.Name, arguments));
        }
        return new Turn(called.Count == 0
            ? "I could not use any of the tools I was given for this goal."
            : $"Done. I used {string.Join(", ", called.Order(StringComparer.Ordinal))}.", null);
    }

    /// <summary>Arguments for every required parameter (and the optional ones it knows), or null when one cannot be filled.</summary>
    private static JsonObject? Fill(JsonObject? schema, string conversation, string goal)
    {
        var arguments = new JsonObject();
        var required = (schema?["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in schema?["properties"] as JsonObject ?? [])
        {
            var value = name switch
            {
                "title" => "Follow up: " + Cut(goal, 80),
                "text" => Reply(goal),
                "priority" => "urgent",
                "due_in_days" => "1",
                "assignee" => Manager().Match(conversation) is { Success: true } manager ? manager.Groups[1].Value : null,
                _ when name.EndsWith("_id", StringComparison.Ordinal) || name is "customer" => Id(name, conversation),
                _ => null,
            };
            if (value is not null) arguments[name] = value;
            else if (required.Contains(name)) return null;
        }
        return arguments;
    }

    /// <summary>The last id given for this name (<c>"order_id":"…"</c> in a result, or "order id …" in the goal), else the
    /// run's subject.</summary>
    private static string? Id(string name, string conversation)
    {
        var key = name is "customer" ? "customer_id" : name;
        var kind = key[..^3];
        var found = new Regex($"\"{key}\"\\s*:\\s*\"({Guid})\"|{kind} id ({Guid})|\"{kind}Id\"\\s*:\\s*\"({Guid})\"",
            RegexOptions.IgnoreCase)
            .Matches(conversation).LastOrDefault();
        if (found is not null) return found.Groups.Values.Skip(1).First(g => g.Success).Value;
        return kind == "order" && Subject().Match(conversation) is { Success: true } subject ? subject.Groups[1].Value : null;
    }

    private static string Reply(string goal) => Cyrillic().IsMatch(goal)
        ? "Здравствуйте! Спасибо, что написали. Мы разобрались с вашим заказом и сделаем всё, чтобы исправить ситуацию как можно скорее. "
          + "Менеджер свяжется с вами сегодня."
        : "Hello! Thank you for writing to us. We have looked into your order and will put things right as quickly as we can. "
          + "Your manager will call you today.";

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Join("\n", parts.Select(p => p?["text"]?.GetValue<string>())),
        _ => string.Empty,
    };

    private static string Cut(string text, int max)
    {
        var line = text.Split('\n')[0].Replace("Goal: ", string.Empty, StringComparison.Ordinal).Trim();
        return line.Length > max ? line[..max] + "…" : line;
    }

    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [GeneratedRegex("This run is about the \\w+ (" + Guid + ")")]
    private static partial Regex Subject();

    [GeneratedRegex("(?:manager|менеджер клиента|\"owner_id\"\\s*:\\s*\")\\s*(" + Guid + ")")]
    private static partial Regex Manager();

    [GeneratedRegex("\\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
