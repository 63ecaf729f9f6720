using System.Collections.Concurrent;
using Polly.CircuitBreaker;

namespace HyperCrm.Integrations.Connectors;

/// <summary>Per connector and per instance: calls, failures, last success and the circuit breaker's state.</summary>
public sealed class ConnectorHealthRegistry
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Entry For(string name) => _entries.GetOrAdd(name, _ => new Entry());

    /// <summary>The connectors this instance has a record of (called, or with a circuit).</summary>
    public IReadOnlyList<string> Names => [.. _entries.Keys];

    public ConnectorHealthDto Snapshot(string name)
    {
        var e = For(name);
        lock (e)
        {
            var window = e.Recent.Count;
            var failures = e.Recent.Count(ok => !ok);
            return new ConnectorHealthDto(name, e.LastSuccess, e.LastFailure, e.LastError, e.Calls, e.Failures,
                window == 0 ? 0 : (double)failures / window,
                e.Circuit.CircuitState.ToString()) { RecentCalls = window };
        }
    }

    public sealed class Entry
    {
        public CircuitBreakerStateProvider Circuit { get; } = new();
        public Queue<bool> Recent { get; } = new();
        public int Calls { get; set; }
        public int Failures { get; set; }
        public DateTimeOffset? LastSuccess { get; set; }
        public DateTimeOffset? LastFailure { get; set; }
        public string? LastError { get; set; }

        public void Record(bool ok, string? error, DateTimeOffset now)
        {
            lock (this)
            {
                Calls++;
                Recent.Enqueue(ok);
                if (Recent.Count > 100) Recent.Dequeue();
                if (ok)
                {
                    LastSuccess = now;
                }
                else
                {
                    Failures++;
                    LastFailure = now;
                    LastError = error;
                }
            }
        }
    }
}
