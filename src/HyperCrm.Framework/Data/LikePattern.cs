namespace HyperCrm.Framework.Data;

/// <summary>
/// LIKE/ILIKE patterns from what a person typed: <c>%</c>, <c>_</c> and the escape character match themselves, so a
/// search for "50%" or "a_b" finds just that and cannot widen into a scan of everything. Pass
/// <see cref="EscapeCharacter"/> to <c>EF.Functions.ILike</c>: without it the provider says <c>ESCAPE ''</c>.
/// </summary>
public static class LikePattern
{
    public const string EscapeCharacter = "\\";

    /// <summary>Matches values that contain <paramref name="text"/>.</summary>
    public static string Contains(string text) => "%" + Escape(text) + "%";

    /// <summary>Matches values that start with <paramref name="text"/>.</summary>
    public static string StartsWith(string text) => Escape(text) + "%";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_",
            StringComparison.Ordinal);
    }
}
