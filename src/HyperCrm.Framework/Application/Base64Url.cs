namespace HyperCrm.Framework.Application;

/// <summary>Base64 for URLs (RFC 4648 §5, no padding): what the API's opaque cursors are made of.</summary>
public static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes into <paramref name="destination"/>; false when the text is not base64url or does not fit.</summary>
    public static bool TryDecode(string text, Span<byte> destination, out int written)
    {
        ArgumentNullException.ThrowIfNull(text);
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        return Convert.TryFromBase64String(base64, destination, out written);
    }
}
