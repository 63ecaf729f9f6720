using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace HyperCrm.Sandbox;

/// <summary>
/// What every simulator shares: its ledger, the faults it was told to show, and the idempotency keys it has seen (a
/// repeated key returns the first answer again and adds nothing to the ledger, as the real services do). Ledger entries and
/// first answers go to the <see cref="SandboxJournal"/> too, so both outlive a restart.
/// </summary>
public sealed class SimulatedService(string name, TimeProvider clock, SandboxJournal journal)
{
    private readonly Lock _gate = new();
    private readonly List<LedgerEntry> _ledger = [];
    private readonly ConcurrentDictionary<string, Lazy<Task<IResult>>> _seen = new(StringComparer.Ordinal);
    private Fault? _fault;

    public string Name { get; } = name;

    public IReadOnlyList<LedgerEntry> Ledger
    {
        get
        {
            lock (_gate) return [.. _ledger];
        }
    }

    public void Record(string operation, string? reference, string? idempotencyKey, object? payload)
    {
        var node = payload is null ? null : JsonSerializer.SerializeToNode(payload, SandboxJson.Options);
        var entry = new LedgerEntry(clock.GetUtcNow(), operation, reference, idempotencyKey, node);
        lock (_gate) _ledger.Add(entry);
        journal.Append(JournalKinds.Ledger, new RememberedEntry(Name, entry));
    }

    /// <summary>A ledger entry read back from the journal at start.</summary>
    public void Restore(LedgerEntry entry)
    {
        lock (_gate) _ledger.Add(entry);
    }

    /// <summary>A first answer read back from the journal at start: a retry with its key gets it again.</summary>
    public void Restore(RememberedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        _seen[answer.Key] = new Lazy<Task<IResult>>(Task.FromResult(Results.Text(answer.Body, "application/json", Encoding.UTF8,
            answer.Status)));
    }

    public Fault? CurrentFault => _fault is { } fault && fault.Until > clock.GetUtcNow() ? fault : null;

    public void SetFault(string mode, double seconds, double? delaySeconds)
    {
        _fault = mode == "ok" ? null : new Fault(mode, clock.GetUtcNow().AddSeconds(seconds <= 0 ? 30 : seconds),
            TimeSpan.FromSeconds(delaySeconds ?? 5));
    }

    /// <summary>
    /// Runs a write as the real service would: faults first, then the idempotency key (the same key answers the same
    /// again, even while the first call is still running), then the work itself.
    /// </summary>
    public async Task<IResult> WriteAsync(HttpContext http, Func<Task<IResult>> work)
    {
        if (await FaultAsync(http) is { } failed) return failed;
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        // What the call changes and the answer it gives are journaled together: after a crash, all of it or none.
        using var batch = journal.Batch();
        if (key.Length == 0) return await work();
        var entry = _seen.GetOrAdd(key, _ => new Lazy<Task<IResult>>(work));
        var result = await entry.Value;
        // Only successes are remembered: a refused call may be tried again with the same key.
        if (result is IStatusCodeHttpResult { StatusCode: >= 400 })
            _seen.TryRemove(new KeyValuePair<string, Lazy<Task<IResult>>>(key, entry));
        else if (result is IValueHttpResult { Value: { } value })
            journal.Append(JournalKinds.Answer, new RememberedAnswer(Name, key, (result as IStatusCodeHttpResult)?.StatusCode ?? 200,
                JsonSerializer.Serialize(value, SandboxJson.Options)));
        return result;
    }

    public async Task<IResult?> FaultAsync(HttpContext http)
    {
        switch (CurrentFault)
        {
            case { Mode: "fail" }:
                return Results.Problem($"{Name} is unavailable (simulated outage).", statusCode: StatusCodes.Status503ServiceUnavailable);
            case { Mode: "slow" } slow:
                await Task.Delay(slow.Delay, http.RequestAborted);
                return null;
            default:
                return null;
        }
    }

    public void Reset()
    {
        lock (_gate) _ledger.Clear();
        _seen.Clear();
        _fault = null;
    }
}
