using System.Text;

namespace HyperCrm.Framework.Application;

/// <summary>Opaque cursors for keyset paging over a unique text key (a product's SKU): the last key of the page, base64url.</summary>
public static class TextCursor
{
    private const int MaxKeyBytes = 256;

    public static string Encode(string lastKey) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(lastKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key after which the next page starts; a malformed cursor is a 400-class business error.</summary>
    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        var bytes = new byte[MaxKeyBytes];
        if (cursor.Length > MaxKeyBytes * 4 / 3 + 4 || !Convert.TryFromBase64String(base64, bytes, out var written) || written == 0)
            throw new Domain.BusinessException("Common:InvalidCursor", "The cursor is not one this API returned.");
        return Encoding.UTF8.GetString(bytes, 0, written);
    }
}
