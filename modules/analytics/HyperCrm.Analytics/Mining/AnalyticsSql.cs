using Npgsql;

namespace HyperCrm.Analytics.Mining;

/// <summary>The filter as SQL over <c>analytics.events</c> (by the case's start) or <c>analytics.cases</c>, with its parameters.</summary>
public static class AnalyticsSql
{
    /// <summary>The condition on events of order cases (alias-free: events table).</summary>
    public const string EventsWhere = """
        object_type = 'order' AND case_started_at >= @from AND case_started_at < @to
          AND (@segment = 'all' OR (@segment = 'staff' AND partner_id IS NULL) OR (@segment = 'partners' AND partner_id IS NOT NULL))
          AND (@partner::uuid IS NULL OR partner_id = @partner::uuid)
        """;

    /// <summary>The condition on order case summaries.</summary>
    public const string CasesWhere = """
        object_type = 'order' AND started_at >= @from AND started_at < @to
          AND (@segment = 'all' OR (@segment = 'staff' AND partner_id IS NULL) OR (@segment = 'partners' AND partner_id IS NOT NULL))
          AND (@partner::uuid IS NULL OR partner_id = @partner::uuid)
        """;

    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, AnalyticsFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        command.Parameters.AddWithValue("from", filter.From.ToUniversalTime());
        command.Parameters.AddWithValue("to", filter.To.ToUniversalTime());
        command.Parameters.AddWithValue("segment", AnalyticsSegments.Normalize(filter.Segment));
        command.Parameters.Add(new NpgsqlParameter("partner", NpgsqlTypes.NpgsqlDbType.Uuid)
            { Value = filter.PartnerId is { } p ? p : DBNull.Value });
        return command;
    }
}
