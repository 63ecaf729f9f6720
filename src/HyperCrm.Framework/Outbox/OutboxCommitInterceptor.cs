using System.Data.Common;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HyperCrm.Framework.Outbox;

/// <summary>Signals the dispatcher when a transaction that wrote outbox rows commits, whoever opened it.</summary>
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
        if (eventData.Context is IHyperDbContext context && context.TakeOutboxPending()) signal.Notify();
    }
}
