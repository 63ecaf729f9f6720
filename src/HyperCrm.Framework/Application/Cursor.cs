namespace HyperCrm.Framework.Application;

/// <summary>Opaque cursors for keyset paging over time-ordered (version 7) Guid ids.</summary>
public static class Cursor
{
    public static string Encode(Guid lastId) => Base64Url.Encode(lastId.ToByteArray());

    /// <summary>The id after which the next page starts; a malformed cursor is a 400-class business error.</summary>
    public static Guid? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        Span<byte> bytes = stackalloc byte[16];
        if (cursor.Length > 30 || !Base64Url.TryDecode(cursor, bytes, out var written) || written != 16) throw Invalid();
        return new Guid(bytes);
    }

    /// <summary>The refusal of a cursor this API did not return.</summary>
    public static Domain.BusinessException Invalid() => new("Common:InvalidCursor", "The cursor is not one this API returned.");
}
