using System.Text;

namespace HyperCrm.Framework.Application;

/// <summary>Opaque cursors for keyset paging over a unique text key (a product's SKU): the last key of the page, base64url.</summary>
public static class TextCursor
{
    private const int MaxKeyBytes = 256;

    public static string Encode(string lastKey) => Base64Url.Encode(Encoding.UTF8.GetBytes(lastKey));

    /// <summary>The key after which the next page starts; a malformed cursor is a 400-class business error.</summary>
    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        var bytes = new byte[MaxKeyBytes];
        if (cursor.Length > MaxKeyBytes * 4 / 3 + 4 || !Base64Url.TryDecode(cursor, bytes, out var written) || written == 0)
            throw Cursor.Invalid();
        return Encoding.UTF8.GetString(bytes, 0, written);
    }
}
