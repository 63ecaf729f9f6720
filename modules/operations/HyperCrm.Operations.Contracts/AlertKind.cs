using System.Text.Json.Serialization;

namespace HyperCrm.Operations;

/// <summary>What an alert rule watches.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertKind>))]
public enum AlertKind
{
    /// <summary>A console number (a queue's depth: "outbox.sales", "automation.runs.dead_lettered") above the threshold.</summary>
    Backlog,

    /// <summary>The age in seconds of a queue's oldest item above the threshold.</summary>
    Age,

    /// <summary>A connector's error rate over its recent calls, in per cent, above the threshold.</summary>
    ErrorRate,

    /// <summary>A connector's circuit breaker open (or half-open) on any instance.</summary>
    CircuitOpen,

    /// <summary>A bot's failed runs in the last 30 minutes at or above the threshold.</summary>
    BotFailing,

    /// <summary>An instance that stopped reporting for longer than the threshold in seconds without stopping cleanly.</summary>
    InstanceGone,
}
