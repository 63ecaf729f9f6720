using System.Data.Common;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HyperCrm.Framework.Outbox;

/// <summary>Signals the dispatcher when a transaction that wrote outbox rows commits, whoever opened it, and the workers a
/// writer asked to wake after its commit (<see cref="IHyperDbContext.WakeAfterCommit"/>).</summary>
public sealed class OutboxCommitInterceptor(OutboxSignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Signal(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData);

    private void Signal(TransactionEndEventData eventData)
    {
        if (eventData.Context is not IHyperDbContext context) return;
        if (context.TakeOutboxPending()) signal.Notify();
        foreach (var wake in context.TakeAfterCommit()) wake();
    }
}
