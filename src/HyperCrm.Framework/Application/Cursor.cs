namespace HyperCrm.Framework.Application;

/// <summary>Opaque cursors for keyset paging over time-ordered (version 7) Guid ids.</summary>
public static class Cursor
{
    public static string Encode(Guid lastId) => Convert.ToBase64String(lastId.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/',
        '_');

    /// <summary>The id after which the next page starts; a malformed cursor is a 400-class business error.</summary>
    public static Guid? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        Span<byte> bytes = stackalloc byte[16];
        if (cursor.Length > 30 || !Convert.TryFromBase64String(base64, bytes, out var written) || written != 16)
            throw new Domain.BusinessException("Common:InvalidCursor", "The cursor is not one this API returned.");
        return new Guid(bytes);
    }
}
