using System.Security.Cryptography;
using System.Text;
using HyperCrm.Framework.Outbox;
using Npgsql;

namespace HyperCrm.Framework.Data;

/// <summary>
/// One PostgreSQL transaction for everything a request writes, across every module's DbContext (ADR 0016). Begun before the
/// request's DbContexts are made, it hands them its connection and transaction; each SaveChanges then runs inside it behind
/// a savepoint, and nothing is visible until <see cref="CommitAsync"/>. What the request claims (an idempotency key, a
/// webhook id) is claimed by a transaction-level advisory lock, which PostgreSQL itself releases when the transaction ends,
/// the connection drops, the process dies or the server restarts: a crash can never leave a claim "in flight".
/// </summary>
public sealed class SharedTransaction(NpgsqlDataSource dataSource, OutboxSignal outboxSignal) : IAsyncDisposable, IDisposable
{
    private bool _outboxPending;

    public NpgsqlConnection? Connection { get; private set; }
    public NpgsqlTransaction? Transaction { get; private set; }
    public bool IsActive => Transaction is not null;

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Connection is not null) throw new InvalidOperationException("The shared transaction has already begun.");
        Connection = await dataSource.OpenConnectionAsync(cancellationToken);
        Transaction = await Connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>How long a claim waits for a holder to let go before answering "in flight".</summary>
    public static readonly TimeSpan ClaimPatience = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Takes the lock named by <paramref name="parts"/> for the rest of the transaction, or answers false when another
    /// transaction still holds it after <see cref="ClaimPatience"/>. The short wait covers a holder that is already gone for
    /// its client but not yet for the server (a backend killed by a blip releases its locks a moment after its socket
    /// closes), and a copy that is about to commit; a holder still working after that is reported as in flight.
    /// </summary>
    public async Task<bool> TryLockAsync(CancellationToken cancellationToken, params string[] parts)
    {
        var key = LockKey(parts);
        var deadline = DateTime.UtcNow + ClaimPatience;
        var pause = TimeSpan.FromMilliseconds(25);
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", Connection, Transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return true;
            if (DateTime.UtcNow + pause > deadline) return false;
            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromMilliseconds(250).Ticks));
        }
    }

    /// <summary>A SaveChanges inside the transaction wrote outbox rows: the dispatcher is woken once it commits.</summary>
    internal void OutboxWritten() => _outboxPending = true;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Transaction!.CommitAsync(cancellationToken);
        Transaction = null;
        if (_outboxPending) outboxSignal.Notify();
        _outboxPending = false;
    }

    public async ValueTask DisposeAsync()
    {
        // Not committed: rolled back (and the locks released) with the connection's return to the pool.
        if (Transaction is not null)
        {
            try
            {
                await Transaction.DisposeAsync();
            }
            catch (NpgsqlException)
            {
                // The connection is already gone, and the server rolled back with it.
            }
        }
        Transaction = null;
        if (Connection is not null) await Connection.DisposeAsync();
        Connection = null;
    }

    public void Dispose()
    {
        Transaction?.Dispose();
        Transaction = null;
        Connection?.Dispose();
        Connection = null;
    }

    /// <summary>The advisory lock's 64-bit key: the first eight bytes of the SHA-256 of the parts.</summary>
    public static long LockKey(params string[] parts) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts))), 0);
}
