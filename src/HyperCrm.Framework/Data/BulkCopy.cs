using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace HyperCrm.Framework.Data;

/// <summary>
/// Append-only rows written in bulk: when one SaveChanges adds many entities of a type marked
/// <see cref="IsBulkCopied{T}"/> (run logs, event logs), they go to PostgreSQL by one binary COPY per table, in the
/// same transaction as the rest of the save, instead of one INSERT statement each. Only for types whose values are
/// all set by the application (no store-generated keys, no concurrency tokens).
/// </summary>
public static partial class BulkCopy
{
    private const string Annotation = "HyperCrm:BulkCopy";

    /// <summary>Fewer rows than this are left to EF's batched INSERTs (a COPY costs a round trip of its own).</summary>
    public const int Threshold = 16;

    public static EntityTypeBuilder<T> IsBulkCopied<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.HasAnnotation(Annotation, true);
    }

    /// <summary>Copies the added entities of bulk-copied types (when there are enough) and marks them saved; returns how many.</summary>
    internal static async Task<int> CopyAddedAsync(DbContext db, CancellationToken cancellationToken)
    {
        var groups = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && e.Metadata.FindAnnotation(Annotation)?.Value is true)
            .GroupBy(e => e.Metadata)
            .Where(g => g.Count() >= Threshold)
            .Select(g => (Type: g.Key, Entries: g.ToList()))
            .ToList();
        if (groups.Count == 0) return 0;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copied = 0;
        foreach (var (type, entries) in groups)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties()
                .Select(p => new Column(p, p.GetColumnName(table)!, StoreTypeName(p.GetColumnType()), p.GetTypeMapping().Converter))
                .ToList();
            var command =
                $"COPY \"{table.Schema}\".\"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN " +
                    $"(FORMAT BINARY)";
            await using (var writer = await connection.BeginBinaryImportAsync(command, cancellationToken))
            {
                foreach (var entry in entries)
                {
                    await writer.StartRowAsync(cancellationToken);
                    foreach (var column in columns) await WriteAsync(writer, entry, column, cancellationToken);
                }
                await writer.CompleteAsync(cancellationToken);
            }
            foreach (var entry in entries) entry.State = EntityState.Unchanged;
            copied += entries.Count;
        }
        return copied;
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter writer, EntityEntry entry, Column column, CancellationToken cancellationToken)
    {
        var value = entry.CurrentValues[column.Property];
        if (value is not null && column.Converter is not null) value = column.Converter.ConvertToProvider(value);
        if (value is null) await writer.WriteNullAsync(cancellationToken);
        else await writer.WriteAsync(value, column.StoreType, cancellationToken);
    }

    /// <summary>"character varying(300)" → "character varying": COPY takes the type without its facets.</summary>
    private static string StoreTypeName(string storeType) => Facets().Replace(storeType, string.Empty).Trim();

    [GeneratedRegex(@"\(.*?\)")]
    private static partial Regex Facets();

    private sealed record Column(IProperty Property, string Name, string StoreType,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter);
}
