using System.Text;
using System.Text.RegularExpressions;
using HyperCrm.Customers.Data;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HyperCrm.Bench;

/// <summary>
/// EXPLAIN (ANALYZE, BUFFERS) of the query shapes the customer search and the staff order list send (built with the
/// same EF model, parameters inlined), so the plans behind the latency figures are on record.
/// </summary>
internal static partial class QueryPlans
{
    public static async Task<string> ExplainAsync(IServiceProvider services, NpgsqlDataSource db)
    {
        await using var scope = services.CreateAsyncScope();
        var customers = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var orders = scope.ServiceProvider.GetRequiredService<SalesDbContext>();
        var shapes = new (string Name, string Sql)[]
        {
            ("customer search by name part (page of 25)", customers.Customers.AsNoTracking()
                .Where(c => c.MergedIntoId == null && (EF.Functions.ILike(c.Name, "%Lebedeva 4242%") || EF.Functions.ILike(c.Email!,
                    "%Lebedeva 4242%")))
                .OrderBy(c => c.Name).ThenBy(c => c.Id).Take(25).ToQueryString()),
            ("customer search by a typed phone (E.164 match or name)", customers.Customers.AsNoTracking()
                .Where(c => c.MergedIntoId == null && (c.Phone == "+79160424242" || EF.Functions.ILike(c.Name, "%8 916 0424242%")))
                .OrderBy(c => c.Name).ThenBy(c => c.Id).Take(25).ToQueryString()),
            ("customer search count, capped at 10,001", customers.Customers.AsNoTracking()
                .Where(c => c.MergedIntoId == null && (EF.Functions.ILike(c.Name, "%Lebedeva%") || EF.Functions.ILike(c.Email!,
                    "%Lebedeva%")))
                .Take(10_001).Select(c => c.Id).ToQueryString()),
            ("order list by status, page 3", orders.Orders.AsNoTracking().IgnoreAutoIncludes().Where(o => o.Status == OrderStatus.Shipped)
                .OrderByDescending(o => o.Id).Skip(50).Take(25).ToQueryString()),
            ("partner's order page by cursor", orders.Orders.AsNoTracking().IgnoreAutoIncludes()
                .Where(o => o.PartnerId == Guid.Empty && o.Id.CompareTo(Guid.Parse("01900000-0000-7000-8000-000000000000")) > 0)
                .OrderBy(o => o.Id).Take(51).ToQueryString()),
        };
        var report = new StringBuilder();
        foreach (var (name, sql) in shapes)
        {
            await using var command = db.CreateCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + Inline(sql));
            await using var reader = await command.ExecuteReaderAsync();
            report.AppendLine("### " + name).AppendLine("```");
            while (await reader.ReadAsync()) report.AppendLine(reader.GetString(0));
            report.AppendLine("```").AppendLine();
        }
        return report.ToString();
    }

    /// <summary>ToQueryString gives "-- @p='value'" lines then the SQL; inline the values as literals.</summary>
    private static string Inline(string text)
    {
        var lines = text.Split('\n');
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith("-- @", StringComparison.Ordinal)));
        foreach (var line in lines.Where(l => l.StartsWith("-- @", StringComparison.Ordinal)))
        {
            var match = Parameter().Match(line.Trim());
            if (!match.Success) continue;
            var value = match.Groups["value"].Value;
            var literal = match.Groups["quoted"].Success ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'" : value;
            if (match.Groups["type"].Value.Contains("Guid", StringComparison.Ordinal)) literal += "::uuid";
            sql = Regex.Replace(sql, "@" + Regex.Escape(match.Groups["name"].Value) + @"\b", literal.Replace("$", "$$",
                StringComparison.Ordinal));
        }
        return sql;
    }

    [GeneratedRegex(@"^-- @(?<name>\w+)=(?:(?<quoted>')(?<value>.*)'|(?<value>[^\s(]+))(?: \(DbType = (?<type>\w+)\))?")]
    private static partial Regex Parameter();
}
