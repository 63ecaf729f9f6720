namespace HyperCrm.Framework.Operations;

/// <summary>A module's numbers for the operations console: its queues, their depth and age. Called by the console and the
/// monitor every few seconds, so each reading is an index lookup, not a scan.</summary>
public interface IOperationsProbe
{
    Task<IReadOnlyList<QueueReading>> ReadAsync(CancellationToken cancellationToken);
}
