namespace HyperCrm.Framework.Operations;

/// <summary>One source of dead letters for the console's single list: lists them (newest first), retries or skips one.</summary>
public interface IDeadLetterSource
{
    /// <summary>Stable name of the source ("event", "run", "bot_job", "webhook").</summary>
    string Source { get; }

    Task<IReadOnlyList<DeadLetterItem>> ListAsync(string? search, int take, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>Does the work again; false when the item is no longer a dead letter (someone else handled it).</summary>
    Task<bool> RetryAsync(string id, CancellationToken cancellationToken);

    /// <summary>Gives the work up for good (it is not done); false when the item is no longer a dead letter.</summary>
    Task<bool> SkipAsync(string id, CancellationToken cancellationToken);
}
