using System.Globalization;
using HyperCrm.Automation.Catalog;

namespace HyperCrm.Automation.Domain.Expressions;

/// <summary>Converts stored or event values (ints, doubles, JSON elements, enums) to the language's types, and formats them.</summary>
public static class FieldValues
{
    public static object? Normalize(object? value, FieldType type)
    {
        if (value is null) return null;
        if (value is System.Text.Json.JsonElement json) value = FromJson(json);
        if (value is null) return null;
        return type switch
        {
            FieldType.Number => value switch
            {
                decimal d => d,
                int or long or short or byte or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            },
            FieldType.Boolean => value switch { bool b => b, string s when bool.TryParse(s, out var parsed) => parsed, _ => null },
            FieldType.DateTime => value switch
            {
                DateTimeOffset d => d,
                DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
                DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal,
                    out var parsed) => parsed,
                _ => null,
            },
            FieldType.List => value switch
            {
                string[] list => list,
                IEnumerable<object?> items => items.Select(i => i?.ToString() ?? string.Empty).ToArray(),
                System.Collections.IEnumerable items and not string => items.Cast<object?>().Select(i => Format(i)).ToArray(),
                _ => [value.ToString() ?? string.Empty],
            },
            _ => value switch
            {
                string s => s,
                Enum e => CatalogValues.WireName(e),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            },
        };
    }

    public static string Format(object? value) => value switch
    {
        null => "null",
        System.Text.Json.JsonElement json => FromJson(json) is { } plain ? Format(plain) : "null",
        string s => s,
        decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.ToString("u", CultureInfo.InvariantCulture),
        Enum e => CatalogValues.WireName(e),
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };


    private static object? FromJson(System.Text.Json.JsonElement json) => json.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Number => json.GetDecimal(),
        System.Text.Json.JsonValueKind.String => json.GetString(),
        System.Text.Json.JsonValueKind.True => true,
        System.Text.Json.JsonValueKind.False => false,
        System.Text.Json.JsonValueKind.Array => json.EnumerateArray().Select(e => e.ValueKind == System.Text.Json.JsonValueKind.String
            ? e.GetString() ?? string.Empty : e.ToString()).ToArray(),
        _ => null,
    };
}
