namespace HyperCrm.Framework.Scheduling;

/// <summary>
/// A table a module keeps only for a while (raw webhooks, delivery attempts, run logs): the hourly cleanup deletes its
/// rows older than <paramref name="Retention"/>, a batch at a time. <paramref name="DeleteBatchSql"/> deletes at most
/// <c>{1}</c> rows older than <c>{0}</c> and must make progress (never select rows it leaves behind).
/// </summary>
public sealed record RetentionRule(string Name, Type DbContextType, TimeSpan Retention, string DeleteBatchSql);
