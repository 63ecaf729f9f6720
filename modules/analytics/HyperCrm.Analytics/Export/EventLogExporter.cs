using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using HyperCrm.Analytics.Data;
using HyperCrm.Analytics.Domain;
using Npgsql;

namespace HyperCrm.Analytics.Export;

/// <summary>
/// Streams the event log as IEEE 1849 XES (the orders as traces) or OCEL 2.0 JSON (every object type, with the events'
/// relations to their objects): rows are read from PostgreSQL one by one in case order (an index scan, no sort in memory)
/// and written to the response as they come, flushed every few thousand, so a year of events never sits in memory.
/// </summary>
public sealed class EventLogExporter(AnalyticsDbContext db)
{
    private const int FlushEvery = 2000;

    public async Task<long> WriteXesAsync(Stream output, EventLogExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var connection = await db.OpenNpgsqlAsync(cancellationToken);
        await using var xml = XmlWriter.Create(output, new XmlWriterSettings
            { Async = true, Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false });
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "log", null);
        await xml.WriteAttributeStringAsync(null, "xes.version", null, "2.0");
        await xml.WriteAttributeStringAsync(null, "xes.features", null, "nested-attributes");
        foreach (var (name, prefix) in new[] { ("Concept", "concept"), ("Time", "time"), ("Lifecycle", "lifecycle"), ("Organizational",
            "org") })
        {
            await xml.WriteStartElementAsync(null, "extension", null);
            await xml.WriteAttributeStringAsync(null, "name", null, name);
            await xml.WriteAttributeStringAsync(null, "prefix", null, prefix);
            await xml.WriteAttributeStringAsync(null, "uri", null, $"http://www.xes-standard.org/{prefix}.xesext");
            await xml.WriteEndElementAsync();
        }
        await xml.WriteStartElementAsync(null, "global", null);
        await xml.WriteAttributeStringAsync(null, "scope", null, "trace");
        await AttributeAsync(xml, "string", "concept:name", "__INVALID__");
        await xml.WriteEndElementAsync();
        await xml.WriteStartElementAsync(null, "global", null);
        await xml.WriteAttributeStringAsync(null, "scope", null, "event");
        await AttributeAsync(xml, "string", "concept:name", "__INVALID__");
        await AttributeAsync(xml, "date", "time:timestamp", "1970-01-01T00:00:00.000+00:00");
        await AttributeAsync(xml, "string", "lifecycle:transition", "complete");
        await xml.WriteEndElementAsync();
        foreach (var (name, keys) in new[] { ("Activity", "concept:name"), ("Resource", "org:resource"), ("Who", "org:role") })
        {
            await xml.WriteStartElementAsync(null, "classifier", null);
            await xml.WriteAttributeStringAsync(null, "name", null, name);
            await xml.WriteAttributeStringAsync(null, "keys", null, keys);
            await xml.WriteEndElementAsync();
        }
        await AttributeAsync(xml, "string", "concept:name", "HyperCrm orders");
        await using var command = Command(connection, $"""
            SELECT case_id, case_label, activity, occurred_at, resource, resource_kind, duration_ms, customer_id
            FROM analytics.events WHERE object_type = 'order' AND {EventLogExport.Where}
            ORDER BY case_id, occurred_at, activity
            """, export);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Guid? current = null;
        long count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var caseId = reader.GetGuid(0);
            if (caseId != current)
            {
                if (current is not null) await xml.WriteEndElementAsync();
                current = caseId;
                await xml.WriteStartElementAsync(null, "trace", null);
                await AttributeAsync(xml, "string", "concept:name", reader.IsDBNull(1) ? caseId.ToString() : reader.GetString(1));
                await AttributeAsync(xml, "id", "order:id", caseId.ToString());
                if (!reader.IsDBNull(7)) await AttributeAsync(xml, "id", "order:customer", reader.GetGuid(7).ToString());
            }
            await xml.WriteStartElementAsync(null, "event", null);
            await AttributeAsync(xml, "string", "concept:name", reader.GetString(2));
            await AttributeAsync(xml, "date", "time:timestamp", Time(reader.GetFieldValue<DateTimeOffset>(3)));
            await AttributeAsync(xml, "string", "lifecycle:transition", "complete");
            if (!reader.IsDBNull(4)) await AttributeAsync(xml, "string", "org:resource", reader.GetString(4));
            await AttributeAsync(xml, "string", "org:role", reader.GetString(5));
            if (!reader.IsDBNull(6))
                await AttributeAsync(xml, "int", "duration:ms", reader.GetInt64(6).ToString(CultureInfo.InvariantCulture));
            await xml.WriteEndElementAsync();
            if (++count % FlushEvery == 0) await xml.FlushAsync();
        }
        if (current is not null) await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
        return count;
    }

    public async Task<long> WriteOcelAsync(Stream output, EventLogExport export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        var connection = await db.OpenNpgsqlAsync(cancellationToken);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        var objectTypes = new List<string>();
        var eventTypes = new List<string>();
        await using (var command = Command(connection, $"""
            SELECT DISTINCT 'o', object_type FROM analytics.events WHERE {EventLogExport.Where}
            UNION SELECT DISTINCT 'e', activity FROM analytics.events WHERE {EventLogExport.Where}
            ORDER BY 1, 2
            """, export))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                (reader.GetString(0) == "o" ? objectTypes : eventTypes).Add(reader.GetString(1));
        }
        if (eventTypes.Count > 0 && !objectTypes.Contains(ObjectTypes.Customer)) objectTypes.Add(ObjectTypes.Customer);
        if (objectTypes.Contains(ObjectTypes.Run) && !objectTypes.Contains(ObjectTypes.Order)) objectTypes.Add(ObjectTypes.Order);
        json.WriteStartArray("objectTypes");
        foreach (var type in objectTypes)
        {
            json.WriteStartObject();
            json.WriteString("name", type);
            json.WriteStartArray("attributes");
            json.WriteStartObject();
            json.WriteString("name", "label");
            json.WriteString("type", "string");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("eventTypes");
        foreach (var type in eventTypes)
        {
            json.WriteStartObject();
            json.WriteString("name", type);
            json.WriteStartArray("attributes");
            foreach (var (name, kind) in new[] { ("resource", "string"), ("resource_kind", "string"), ("duration_ms", "integer") })
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("type", kind);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("objects");
        await using (var command = Command(connection, $"""
            SELECT object_type, case_id, max(case_label), (array_agg(customer_id) FILTER (WHERE customer_id IS NOT NULL))[1]
            FROM analytics.events WHERE {EventLogExport.Where} GROUP BY 1, 2
            UNION ALL
            SELECT DISTINCT 'customer', customer_id, NULL::text, NULL::uuid FROM analytics.events
            WHERE {EventLogExport.Where} AND customer_id IS NOT NULL AND object_type <> 'customer'
            UNION ALL
            SELECT DISTINCT 'order', order_id, NULL::text, NULL::uuid FROM analytics.events
            WHERE {EventLogExport.Where} AND object_type = 'run' AND order_id IS NOT NULL
            """, export))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            var written = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = ObjectId(reader.GetString(0), reader.GetGuid(1));
                if (!written.Add(id)) continue;
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("type", reader.GetString(0));
                json.WriteStartArray("attributes");
                if (!reader.IsDBNull(2))
                {
                    json.WriteStartObject();
                    json.WriteString("name", "label");
                    json.WriteString("time", "1970-01-01T00:00:00Z");
                    json.WriteString("value", reader.GetString(2));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("relationships");
                if (!reader.IsDBNull(3) && reader.GetString(0) != ObjectTypes.Customer)
                {
                    json.WriteStartObject();
                    json.WriteString("objectId", ObjectId(ObjectTypes.Customer, reader.GetGuid(3)));
                    json.WriteString("qualifier", "customer");
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
                if (json.BytesPending > 64 * 1024) await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteStartArray("events");
        long count = 0;
        await using (var command = Command(connection, $"""
            SELECT id, activity, occurred_at, object_type, case_id, resource, resource_kind, duration_ms, order_id, customer_id
            FROM analytics.events WHERE {EventLogExport.Where} ORDER BY occurred_at, seq
            """, export))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                json.WriteStartObject();
                json.WriteString("id", reader.GetGuid(0).ToString());
                json.WriteString("type", reader.GetString(1));
                json.WriteString("time", Time(reader.GetFieldValue<DateTimeOffset>(2)));
                json.WriteStartArray("attributes");
                if (!reader.IsDBNull(5)) Attribute(json, "resource", reader.GetString(5));
                Attribute(json, "resource_kind", reader.GetString(6));
                if (!reader.IsDBNull(7))
                {
                    json.WriteStartObject();
                    json.WriteString("name", "duration_ms");
                    json.WriteNumber("value", reader.GetInt64(7));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("relationships");
                var type = reader.GetString(3);
                Relation(json, ObjectId(type, reader.GetGuid(4)), type);
                if (type != ObjectTypes.Order && !reader.IsDBNull(8)) Relation(json, ObjectId(ObjectTypes.Order, reader.GetGuid(8)),
                    "order");
                if (type != ObjectTypes.Customer && !reader.IsDBNull(9))
                    Relation(json, ObjectId(ObjectTypes.Customer, reader.GetGuid(9)), "customer");
                json.WriteEndArray();
                json.WriteEndObject();
                if (++count % FlushEvery == 0) await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        return count;
    }

    public static string ObjectId(string type, Guid id) => $"{type}:{id}";

    private static void Attribute(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static void Relation(Utf8JsonWriter json, string objectId, string qualifier)
    {
        json.WriteStartObject();
        json.WriteString("objectId", objectId);
        json.WriteString("qualifier", qualifier);
        json.WriteEndObject();
    }

    private static async Task AttributeAsync(XmlWriter xml, string type, string key, string value)
    {
        await xml.WriteStartElementAsync(null, type, null);
        await xml.WriteAttributeStringAsync(null, "key", null, key);
        await xml.WriteAttributeStringAsync(null, "value", null, value);
        await xml.WriteEndElementAsync();
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz",
        CultureInfo.InvariantCulture);

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, EventLogExport export)
    {
        // A long export is one long read; no statement timeout cuts it short.
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("from", export.From.ToUniversalTime());
        command.Parameters.AddWithValue("to", export.To.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("partner", NpgsqlTypes.NpgsqlDbType.Uuid)
            { Value = export.PartnerId is { } p ? p : DBNull.Value });
        return command;
    }
}
