using System.Text;
using System.Text.Json;

namespace HyperCrm.Framework.Web;

/// <summary>
/// Text the system accepts from outside: no NUL and no other control characters but tab, line feed and carriage return,
/// and no half of a surrogate pair. PostgreSQL cannot store NUL in text at all; the others are never meant as data and
/// only serve to break logs, headers and screens. Checked at the edge (JSON bodies, webhooks, forms), so a bad string is a
/// 400 naming its field instead of a failed write.
/// </summary>
public static class TextSafety
{
    public const string Refusal =
        "Text must not contain NUL or other control characters (tab and line breaks are fine) or half of a surrogate pair.";

    public static bool IsSafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r')) return false;
            if (c == '\u007f') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The JSON path of the first string (name or value) in <paramref name="json"/> that is not safe, or null when all are
    /// (or when the text is not JSON: that is for the parser to refuse).
    /// </summary>
    public static string? FindUnsafeString(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 64 });
        var path = new List<string>();
        var indexes = new List<int>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = ReadString(ref reader);
                        if (property is null) return Path(path, "?");
                        if (!IsSafe(property)) return Path(path, "?");
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(Segment(property, indexes));
                        indexes.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        property = null;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        indexes.RemoveAt(indexes.Count - 1);
                        Advance(indexes);
                        continue;
                    case JsonTokenType.String when ReadString(ref reader) is not { } text || !IsSafe(text):
                        return Path(path, Segment(property, indexes));
                    default:
                        property = null;
                        Advance(indexes);
                        continue;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    /// <summary>The string at the reader, or null when its escapes spell broken UTF-16 (half of a surrogate pair).</summary>
    private static string? ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Segment(string? property, List<int> indexes) =>
        property ?? (indexes.Count > 0 && indexes[^1] >= 0 ? $"[{indexes[^1]}]" : string.Empty);

    private static void Advance(List<int> indexes)
    {
        if (indexes.Count > 0 && indexes[^1] >= 0) indexes[^1]++;
    }

    private static string Path(List<string> path, string last)
    {
        var builder = new StringBuilder();
        foreach (var segment in path.Append(last).Where(s => s.Length > 0))
        {
            if (builder.Length > 0 && !segment.StartsWith('[')) builder.Append('.');
            builder.Append(segment);
        }
        return builder.Length == 0 ? "$" : builder.ToString();
    }
}
