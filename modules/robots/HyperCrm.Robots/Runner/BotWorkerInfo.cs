namespace HyperCrm.Robots.Runner;

/// <summary>A worker as the queue page shows it: busy with a job (since when) or idle (since when).</summary>
public sealed record BotWorkerInfo(int Number, string Name, bool Busy, Guid? JobId, DateTimeOffset Since, int JobsDone);
