using Npgsql;

namespace HyperCrm.Bench;

/// <summary>Fills the database with N customers and N orders (one line each) in set-based SQL, then ANALYZEs.</summary>
public static class DataGenerator
{
    public static async Task EnsureAsync(NpgsqlDataSource db, int count, TextWriter log)
    {
        var existing = (long)(await db.CreateCommand("SELECT count(*) FROM customers.customers").ExecuteScalarAsync())!;
        if (existing >= count)
        {
            await log.WriteLineAsync($"data: {existing} customers already there");
            return;
        }
        var started = DateTime.UtcNow;
        await ExecuteAsync(db, $"""
            INSERT INTO customers.customers (id, kind, name, email, phone, tags, marketing_consent, concurrency_stamp, creation_time)
            SELECT md5('c' || i)::uuid, 'Person',
                   (ARRAY['Ivan','Anna','Olga','Pavel','Maria','Sergey','Elena','Dmitry','Irina','Nikolai'])[1 + i % 10] || ' ' ||
                   (ARRAY['Ivanov','Petrova','Smirnov','Kuznetsova','Popov','Volkova','Sokolov','Lebedeva','Kozlov','Novikova'])
                       [1 + (i / 10) % 10] || ' ' || i,
                   'user' || i || '@example' || (i % 97) || '.com',
                   '+7916' || lpad((i % 10000000)::text, 7, '0'),
                   CASE WHEN i % 20 = 0 THEN ARRAY['vip'] ELSE ARRAY[]::text[] END,
                   i % 3 = 0, md5(i::text), now() - (i || ' seconds')::interval
            FROM generate_series(1, {count}) AS i
            ON CONFLICT DO NOTHING
            """, 0);
        await ExecuteAsync(db, $"""
            INSERT INTO sales.orders (id, number, customer_id, customer_name, currency, payment_method, status, total, ship_city,
            ship_country, ship_line1, concurrency_stamp, creation_time)
            SELECT md5('o' || i)::uuid, 1000000000 + i, md5('c' || (1 + (i * 7) % {count}))::uuid, 'Customer ' || i, 'RUB', 'Card',
                   (ARRAY['New','OnHold','AwaitingStock','Reserved','Picking','Shipped','Delivered','Completed','Cancelled','Failed'])
                       [1 + i % 10],
                   (i % 500) * 100 + 490, 'Москва', 'RU', 'ул. Тверская, ' || (i % 100), md5(i::text), now() - (i || ' seconds')::interval
            FROM generate_series(1, {count}) AS i
            ON CONFLICT DO NOTHING
            """, 0);
        await ExecuteAsync(db, $"""
            INSERT INTO sales.order_lines (order_id, sku, name, quantity, unit_price, line_total)
            SELECT md5('o' || i)::uuid, 'SKU-' || lpad((1 + i % 50)::text, 3, '0'), 'Demo product', 1, (i % 500) * 100 + 490,
            (i % 500) * 100 + 490
            FROM generate_series(1, {count}) AS i
            """, 0);
        await ExecuteAsync(db, "ANALYZE", 0);
        await log.WriteLineAsync($"data: {count} customers and {count} orders generated in {(DateTime.UtcNow - started).TotalSeconds:0} s");
    }

    public static async Task ExecuteAsync(NpgsqlDataSource db, string sql, int timeoutSeconds)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = timeoutSeconds;
        await command.ExecuteNonQueryAsync();
    }
}
