using Npgsql;

namespace HyperCrm.Framework.Data;

/// <summary>Tells a database that is away for a moment (restart, dropped connection, failover) from a real error.</summary>
public static class DatabaseFaults
{
    /// <summary>Seconds a client is told to wait (<c>Retry-After</c>) when the database was away.</summary>
    public const int RetryAfterSeconds = 2;

    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or TimeoutException) return true;
            // A server that is shutting down or starting up answers with these before the connection drops.
            if (e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "08006" or "08003" or "08001" }) return true;
        }
        return false;
    }
}
