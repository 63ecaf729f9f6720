using HyperCrm.Automation.Catalog;

namespace HyperCrm.Automation.Domain.Expressions;

/// <summary>
/// The only code an expression can call. Every function is total (null in, null or false out; division by zero is null)
/// and runs in time bounded by its input, which the catalog bounds.
/// </summary>
public static class ExpressionFunctions
{
    public static IReadOnlyList<FunctionSignature> Signatures { get; } =
    [
        new("contains", [FieldType.Text, FieldType.Text], FieldType.Boolean, nameof(ContainsText), "contains(text, part)",
            "the text holds the part (any case)"),
        new("contains", [FieldType.List, FieldType.Text], FieldType.Boolean, nameof(ListContains), "contains(list, value)",
            "the list holds the value (any case)"),
        new("startswith", [FieldType.Text, FieldType.Text], FieldType.Boolean, nameof(StartsWith), "startsWith(text, prefix)",
            "the text starts with the prefix"),
        new("endswith", [FieldType.Text, FieldType.Text], FieldType.Boolean, nameof(EndsWith), "endsWith(text, suffix)",
            "the text ends with the suffix"),
        new("lower", [FieldType.Text], FieldType.Text, nameof(Lower), "lower(text)", "lower case"),
        new("upper", [FieldType.Text], FieldType.Text, nameof(Upper), "upper(text)", "upper case"),
        new("trim", [FieldType.Text], FieldType.Text, nameof(Trim), "trim(text)", "without surrounding spaces"),
        new("len", [FieldType.Text], FieldType.Number, nameof(TextLength), "len(text)", "the number of characters"),
        new("len", [FieldType.List], FieldType.Number, nameof(ListLength), "len(list)", "the number of items"),
        new("isempty", [null], FieldType.Boolean, nameof(IsEmpty), "isEmpty(value)", "null, empty text or an empty list"),
        new("coalesce", [null, null], null, nameof(Coalesce), "coalesce(value, fallback)", "the value, or the fallback when it is null"),
        new("abs", [FieldType.Number], FieldType.Number, nameof(Abs), "abs(number)", "the absolute value"),
        new("round", [FieldType.Number], FieldType.Number, nameof(Round), "round(number)", "rounded to a whole number"),
        new("round", [FieldType.Number, FieldType.Number], FieldType.Number, nameof(RoundTo), "round(number, digits)",
            "rounded to the digits"),
        new("min", [FieldType.Number, FieldType.Number], FieldType.Number, nameof(Min), "min(a, b)", "the smaller"),
        new("max", [FieldType.Number, FieldType.Number], FieldType.Number, nameof(Max), "max(a, b)", "the larger"),
        new("now", [], FieldType.DateTime, nameof(CurrentTime), "now()", "the time the rule runs"),
        new("dayssince", [FieldType.DateTime], FieldType.Number, nameof(DaysSince), "daysSince(date)",
            "whole days from the date until now"),
        new("hourssince", [FieldType.DateTime], FieldType.Number, nameof(HoursSince), "hoursSince(date)",
            "whole hours from the date until now"),
    ];

    public static bool ContainsText(string? text, string? part) => text is not null && part is not null && text.Contains(part,
        StringComparison.OrdinalIgnoreCase);

    public static bool ListContains(string[]? list, string? value) => list is not null && value is not null && list.Contains(value,
        StringComparer.OrdinalIgnoreCase);

    public static bool StartsWith(string? text, string? prefix) => text is not null && prefix is not null && text.StartsWith(prefix,
        StringComparison.OrdinalIgnoreCase);

    public static bool EndsWith(string? text, string? suffix) => text is not null && suffix is not null && text.EndsWith(suffix,
        StringComparison.OrdinalIgnoreCase);

    public static string? Lower(string? text) => text?.ToLowerInvariant();

    public static string? Upper(string? text) => text?.ToUpperInvariant();

    public static string? Trim(string? text) => text?.Trim();

    public static decimal? TextLength(string? text) => text?.Length;

    public static decimal? ListLength(string[]? list) => list?.Length;

    public static bool IsEmpty(object? value) => value is null || value is string { Length: 0 } || value is string[] { Length: 0 };

    public static object? Coalesce(object? value, object? fallback) => value ?? fallback;

    public static decimal? Abs(decimal? value) => value is { } v ? Math.Abs(v) : null;

    public static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, MidpointRounding.AwayFromZero) : null;

    public static decimal? RoundTo(decimal? value, decimal? digits) =>
        value is { } v && digits is { } d ? Math.Round(v, (int)Math.Clamp(d, 0, 10), MidpointRounding.AwayFromZero) : null;

    public static decimal? Min(decimal? a, decimal? b) => a is { } x && b is { } y ? Math.Min(x, y) : null;

    public static decimal? Max(decimal? a, decimal? b) => a is { } x && b is { } y ? Math.Max(x, y) : null;

    public static DateTimeOffset? CurrentTime(DateTimeOffset now) => now;

    public static decimal? DaysSince(DateTimeOffset? date,
        DateTimeOffset now) => date is { } d ? Math.Floor((decimal)(now - d).TotalDays) : null;

    public static decimal? HoursSince(DateTimeOffset? date,
        DateTimeOffset now) => date is { } d ? Math.Floor((decimal)(now - d).TotalHours) : null;

    public static decimal? Divide(decimal? a, decimal? b) => a is { } x && b is { } y && y != 0 ? x / y : null;

    public static decimal? Remainder(decimal? a, decimal? b) => a is { } x && b is { } y && y != 0 ? x % y : null;

    public static bool TextEquals(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static bool InTexts(string? value, HashSet<string> set) => value is not null && set.Contains(value);

    public static bool InNumbers(decimal? value, HashSet<decimal> set) => value is { } v && set.Contains(v);

    public static string Concat(object? a, object? b) => FieldValues.Format(a ?? string.Empty) + FieldValues.Format(b ?? string.Empty);
}
