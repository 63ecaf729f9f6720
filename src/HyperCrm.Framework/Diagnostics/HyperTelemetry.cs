using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HyperCrm.Framework.Diagnostics;

/// <summary>
/// The app's own traces and meters, one source and one meter named <see cref="Name"/>: the host exports them (Prometheus at
/// /metrics, OTLP when configured) beside ASP.NET Core's, HttpClient's, Npgsql's and the runtime's.
/// </summary>
public static class HyperTelemetry
{
    public const string Name = "HyperCrm";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Events handed to a module's consumers, by module (schema), event and outcome (delivered, retry, dead).</summary>
    public static readonly Counter<long> EventsDelivered = Meter.CreateCounter<long>("hypercrm.events.delivered", "{event}",
        "Events settled by the outbox dispatcher, by module and outcome.");

    /// <summary>Seconds from an event's commit to its delivery: the outbox's lag, by module.</summary>
    public static readonly Histogram<double> EventLag = Meter.CreateHistogram<double>("hypercrm.events.lag", "s",
        "Seconds from an event being written to its consumers having handled it.");

    public static readonly Counter<long> Runs = Meter.CreateCounter<long>("hypercrm.automation.runs", "{run}",
        "Automation runs that ended, by outcome.");

    public static readonly Counter<long> Steps = Meter.CreateCounter<long>("hypercrm.automation.steps", "{step}",
        "Automation steps executed, by kind and outcome.");

    public static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>("hypercrm.automation.step.duration", "s",
        "How long a step took, by kind and outcome.");

    public static readonly Counter<long> BotRuns = Meter.CreateCounter<long>("hypercrm.bots.runs", "{run}",
        "Bot jobs that ended, by bot and outcome.");

    public static readonly Histogram<double> BotRunDuration = Meter.CreateHistogram<double>("hypercrm.bots.run.duration", "s",
        "How long a bot job ran in the browser, by bot.");

    public static readonly Counter<long> ConnectorCalls = Meter.CreateCounter<long>("hypercrm.connector.calls", "{call}",
        "HTTP calls to ERP, WMS, courier and SMS connectors, by connector and outcome.");

    public static readonly Histogram<double> ConnectorCallDuration = Meter.CreateHistogram<double>("hypercrm.connector.call.duration",
        "s", "How long a connector call took, by connector and outcome.");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>("hypercrm.webhooks.deliveries", "{delivery}",
        "Partner webhook delivery attempts, by outcome.");

    /// <summary>The W3C trace context of the current activity, to store beside work that another process or round picks up.</summary>
    public static string? CurrentTraceParent() => Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>
    /// Starts the span of work picked up from a queue (an event, a run's step, a bot job) as a child of the trace that queued
    /// it, so one order's trace spans intake, rules and connector calls. Returns null when nobody listens.
    /// </summary>
    public static Activity? StartConsumer(string name, string? traceParent)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        return Source.StartActivity(name, ActivityKind.Consumer, parent);
    }
}
