using System.Text.RegularExpressions;

namespace HyperCrm.Robots.Domain.Bots;

/// <summary>The bots' placeholders: <c>{{name}}</c>, <c>{{line.sku}}</c>, <c>{{credentials.password}}</c>.</summary>
public static partial class BotTemplate
{
    [GeneratedRegex(@"\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)\s*\}\}")]
    private static partial Regex Placeholder();

    public static IEnumerable<string> Names(string? text) =>
        text is null ? [] : Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The text with each placeholder replaced by its value (empty when there is none).</summary>
    public static string Render(string? text, Func<string, string?> value) =>
        text is null ? string.Empty : Placeholder().Replace(text, m => value(m.Groups[1].Value) ?? string.Empty);

    /// <summary>Whether the text uses a secret (a credential), so what it renders to must never be logged.</summary>
    public static bool UsesSecret(string? text) => Names(text).Any(n => n == "credentials.password");
}
