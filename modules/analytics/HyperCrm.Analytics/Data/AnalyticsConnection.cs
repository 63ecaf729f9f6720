using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HyperCrm.Analytics.Data;

public static class AnalyticsConnection
{
    /// <summary>The context's own connection, opened, for the aggregates and the exports read straight with Npgsql.</summary>
    public static async Task<NpgsqlConnection> OpenNpgsqlAsync(this AnalyticsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(cancellationToken);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }
}
