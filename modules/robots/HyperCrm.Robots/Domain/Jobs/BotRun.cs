using HyperCrm.Framework.Domain;

namespace HyperCrm.Robots.Domain.Jobs;

/// <summary>
/// One attempt of a job by one worker, on the bot's version live when it started: its step log (saved as it goes, so a
/// test run can be watched live, and a crashed attempt shows how far it got), its outcome and its error.
/// </summary>
public sealed class BotRun : Entity<Guid>
{
    public const int MaxSteps = 500;

    private List<BotRunStep> _steps = [];

    public Guid JobId { get; private set; }
    public Guid BotId { get; private set; }
    public string BotKey { get; private set; } = string.Empty;
    public int Version { get; private set; }
    public int Attempt { get; private set; }
    public string Worker { get; private set; } = string.Empty;
    public bool IsTest { get; private set; }
    public Guid? OrderId { get; private set; }
    public BotRunOutcome Outcome { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public IReadOnlyList<BotRunStep> Steps => _steps;

    private BotRun() { }

    public BotRun(Guid id, Guid jobId, Guid botId, string botKey, int version, int attempt, string worker, bool isTest, Guid? orderId,
        DateTimeOffset now) : base(id)
    {
        JobId = jobId;
        BotId = botId;
        BotKey = botKey;
        Version = version;
        Attempt = attempt;
        Worker = worker;
        IsTest = isTest;
        OrderId = orderId;
        Outcome = BotRunOutcome.Running;
        StartedAt = now;
    }

    public void Record(BotRunStep step)
    {
        if (_steps.Count < MaxSteps) _steps = [.. _steps, step];
    }

    public void End(BotRunOutcome outcome, string? error, DateTimeOffset now)
    {
        Outcome = outcome;
        Error = error is { Length: > BotJob.MaxErrorLength } ? error[..BotJob.MaxErrorLength] : error;
        FinishedAt = now;
    }
}
