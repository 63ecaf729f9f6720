namespace HyperCrm.Framework.Data;

public interface IHyperDbContext
{
    string Schema { get; }

    bool TakeOutboxPending();

    /// <summary>Runs <paramref name="wake"/> once the transaction this context writes in commits: a worker woken before the
    /// commit could find nothing and go back to sleep.</summary>
    void WakeAfterCommit(Action wake);

    /// <summary>What to run now that the transaction committed (and forgets it).</summary>
    IReadOnlyList<Action> TakeAfterCommit();
}
