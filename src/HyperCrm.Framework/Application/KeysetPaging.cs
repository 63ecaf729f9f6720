using HyperCrm.Framework.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Framework.Application;

/// <summary>Cursor (keyset) paging over time-ordered Guid ids for the public API: no counting, no gaps, no repeats.</summary>
public static class KeysetPaging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static async Task<(List<T> Items, string? NextCursor)> ToKeysetPageAsync<T>(
        this IQueryable<T> query, string? cursor, int limit, CancellationToken cancellationToken)
        where T : Entity<Guid>
    {
        ArgumentNullException.ThrowIfNull(query);
        var take = Math.Clamp(limit <= 0 ? DefaultLimit : limit, 1, MaxLimit);
        if (Cursor.Decode(cursor) is { } after) query = query.Where(e => e.Id.CompareTo(after) > 0);
        var page = await query.OrderBy(e => e.Id).Take(take + 1).ToListAsync(cancellationToken);
        var more = page.Count > take;
        if (more) page.RemoveAt(take);
        return (page, more ? Cursor.Encode(page[^1].Id) : null);
    }
}
