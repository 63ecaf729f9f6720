using HyperCrm.Framework.Operations;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Operations.Domain;
using HyperCrm.Operations.Jobs;

namespace HyperCrm.Operations.Application;

/// <summary>What the console shows at a glance: every queue's numbers, connectors across instances, jobs, instances, dead letters
/// by source and the alerts firing now.</summary>
public sealed record OperationsOverview(
    DateTimeOffset At,
    IReadOnlyList<QueueReading> Readings,
    IReadOnlyList<ConnectorHealthDto> Connectors,
    IReadOnlyList<ScheduledJob> Jobs,
    IReadOnlyList<InstanceRecord> Instances,
    IReadOnlyDictionary<string, long> DeadLetters,
    IReadOnlyList<Alert> FiringAlerts)
{
    public IEnumerable<InstanceRecord> Alive => Instances.Where(i => i.StoppedAt is null
        && At - i.LastSeenAt <= HyperCrm.Operations.Instances.InstanceHeartbeat.GoneAfter);
}
