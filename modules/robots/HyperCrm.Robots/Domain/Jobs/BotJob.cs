using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Robots.Domain.Jobs;

/// <summary>
/// One piece of work for a bot, in the queue in PostgreSQL: its parameters (bound from the rule's run: the order's number
/// and lines), who asked, and its attempts. A worker leases it (<see cref="LeaseOwner"/>, <see cref="LeaseUntil"/>), renews
/// the lease while the bot works, and ends the attempt; a lease that runs out (the worker's instance crashed) puts the job
/// back for another worker. A failure retrying can fix is tried again later, up to the limit; one it cannot fix (or the
/// limit) opens a task for a person with the screenshots, and the job waits for them.
/// </summary>
public sealed class BotJob : AggregateRoot<Guid>
{
    public const int MaxErrorLength = 1000;

    public Guid BotId { get; private set; }
    public string BotKey { get; private set; } = string.Empty;
    public string BotName { get; private set; } = string.Empty;

    /// <summary>The parameters as JSON (values are strings, or a list of objects for a repeat).</summary>
    public string Parameters { get; private set; } = "{}";
    public Guid? OrderId { get; private set; }
    public Guid? CustomerId { get; private set; }
    public string? OrderNumber { get; private set; }

    /// <summary>The rule step that asked for it (its idempotency key): asking again finds this job. Null for a test run.</summary>
    public string? SourceKey { get; private set; }
    public string RequestedBy { get; private set; } = string.Empty;
    public bool IsTest { get; private set; }
    public BotJobState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string? LeaseOwner { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }

    /// <summary>What the bot read (variable → values), as JSON, once it succeeded.</summary>
    public string? Outputs { get; private set; }
    public string? LastError { get; private set; }
    public Guid? TaskId { get; private set; }
    public Guid? LastRunId { get; private set; }

    /// <summary>For a <see cref="BotJobState.Shared"/> job: the job that does its work.</summary>
    public Guid? ShareOf { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    private BotJob() { }

    public BotJob(Guid id, Guid botId, string botKey, string botName, string parameters, string requestedBy, DateTimeOffset now,
        string? sourceKey = null, bool isTest = false) : base(id)
    {
        BotId = botId;
        BotKey = botKey;
        BotName = botName;
        Parameters = parameters;
        RequestedBy = requestedBy;
        SourceKey = sourceKey;
        IsTest = isTest;
        State = BotJobState.Queued;
        DueAt = CreatedAt = now;
    }

    public bool IsOver => State is BotJobState.Succeeded or BotJobState.DoneByPerson or BotJobState.Cancelled;

    /// <summary>
    /// Adds another order's lines to this job while no worker has taken it yet (a worker's claim changes the job's
    /// concurrency stamp, so a claim and a share never both win), when every SKU's total stays within
    /// <paramref name="upTo"/>: several orders short of the same goods then share one purchase order. False when it cannot.
    /// </summary>
    public bool TryShare(IReadOnlyList<(string Sku, int Quantity)> lines, int upTo)
    {
        if (State != BotJobState.Queued || Attempts > 0 || IsTest || ShareOf is not null) return false;
        var parameters = System.Text.Json.Nodes.JsonNode.Parse(Parameters)?.AsObject();
        if (parameters?["lines"] is not System.Text.Json.Nodes.JsonArray mine) return false;
        var merged = mine.Select(l => (Sku: l?["sku"]?.GetValue<string>() ?? string.Empty, Quantity: l?["quantity"]?.GetValue<int>() ?? 0))
            .Concat(lines).GroupBy(l => l.Sku, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Sku: g.First().Sku, Quantity: g.Sum(l => l.Quantity))).ToList();
        if (merged.Any(l => l.Quantity > upTo) || merged.Count > mine.Count) return false;
        parameters["lines"] = new System.Text.Json.Nodes.JsonArray([.. merged.Select(l => (System.Text.Json.Nodes.JsonNode)
            new System.Text.Json.Nodes.JsonObject { ["sku"] = l.Sku, ["quantity"] = l.Quantity })]);
        Parameters = parameters.ToJsonString();
        return true;
    }

    /// <summary>A job that rides on <paramref name="primary"/> (which took its lines), asked by <paramref name="sourceKey"/>.</summary>
    public static BotJob SharedWith(BotJob primary, string parameters, string requestedBy, string sourceKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(primary);
        return new BotJob(Guid.CreateVersion7(), primary.BotId, primary.BotKey, primary.BotName, parameters, requestedBy, now, sourceKey)
        {
            State = BotJobState.Shared, ShareOf = primary.Id, FinishedAt = now,
        };
    }

    public void About(Guid orderId, Guid customerId, string orderNumber)
    {
        OrderId = orderId;
        CustomerId = customerId;
        OrderNumber = orderNumber;
    }

    /// <summary>Whether this worker still holds the job (its lease may have run out and gone to another).</summary>
    public bool IsHeldBy(string owner) => State == BotJobState.Running && LeaseOwner == owner;

    public void Started(Guid runId) => LastRunId = runId;

    public void Succeeded(string owner, string outputs, DateTimeOffset runStartedAt, DateTimeOffset now)
    {
        RequireHeldBy(owner);
        State = BotJobState.Succeeded;
        Outputs = outputs;
        LastError = null;
        Release(now);
        AddDistributedEvent(new BotJobFinishedEto(Id, BotKey, BotJobStatuses.Succeeded, OrderId, outputs,
            Math.Max(0, (now - runStartedAt).TotalSeconds)));
        Tell("Robots:Timeline:Succeeded", now, ("bot", BotName), ("outputs", OutputsText()));
    }

    /// <summary>A failure retrying may fix: back in the queue at <paramref name="retryAt"/>.</summary>
    public void FailedForNow(string owner, string error, DateTimeOffset retryAt, DateTimeOffset now)
    {
        RequireHeldBy(owner);
        State = BotJobState.Queued;
        LastError = Clip(error);
        DueAt = retryAt;
        LeaseOwner = null;
        LeaseUntil = null;
        _ = now;
    }

    /// <summary>A failure retrying cannot fix, or the last attempt: a person takes over (the task is opened by the caller).</summary>
    public void NeedsAPerson(string? owner, string error, DateTimeOffset now)
    {
        if (owner is not null) RequireHeldBy(owner);
        else if (State != BotJobState.Running) throw new BusinessException("Robots:JobNotRunning", "The job is not running.");
        State = BotJobState.NeedsPerson;
        LastError = Clip(error);
        Release(now);
        FinishedAt = null;
        Tell("Robots:Timeline:NeedsPerson", now, ("bot", BotName), ("error", LastError));
    }

    public void TaskOpened(Guid taskId) => TaskId = taskId;

    /// <summary>The person did by hand what the bot could not: whoever waited for the job goes on.</summary>
    public void DoneByPerson(string by, DateTimeOffset now)
    {
        if (State != BotJobState.NeedsPerson)
            throw new BusinessException("Robots:JobNotWaiting", "Only a job waiting for a person can be marked done by one.");
        State = BotJobState.DoneByPerson;
        FinishedAt = now;
        AddDistributedEvent(new BotJobFinishedEto(Id, BotKey, BotJobStatuses.DoneByPerson, OrderId, Outputs));
        Tell("Robots:Timeline:DoneByPerson", now, ("bot", BotName), ("by", by));
    }

    /// <summary>A person asks the bot to try again (after fixing the bot or the portal): a fresh round of attempts.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (State != BotJobState.NeedsPerson)
            throw new BusinessException("Robots:JobNotWaiting", "Only a job waiting for a person can be retried.");
        State = BotJobState.Queued;
        Attempts = 0;
        DueAt = now;
        FinishedAt = null;
    }

    public void Cancel(string by, DateTimeOffset now)
    {
        if (IsOver) throw new BusinessException("Robots:JobOver", "The job is already over.");
        State = BotJobState.Cancelled;
        Release(now);
        AddDistributedEvent(new BotJobFinishedEto(Id, BotKey, BotJobStatuses.Cancelled, OrderId, null));
        Tell("Robots:Timeline:Cancelled", now, ("bot", BotName), ("by", by));
    }

    private void Release(DateTimeOffset now)
    {
        LeaseOwner = null;
        LeaseUntil = null;
        FinishedAt = now;
    }

    private void RequireHeldBy(string owner)
    {
        if (!IsHeldBy(owner)) throw new BusinessException("Robots:LeaseLost", "This worker no longer holds the job.");
    }

    private static string Clip(string error) => error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;

    /// <summary>What the bot read, for people: "po_number: PO-000012, PO-000013".</summary>
    public string OutputsText() => BotOutputs.Describe(Outputs);

    /// <summary>The order's customer's timeline shows the bot's work, linked to the run with its screenshots.</summary>
    private void Tell(string key, DateTimeOffset now, params (string, object?)[] args)
    {
        if (CustomerId is not { } customer || IsTest) return;
        AddDistributedEvent(new TimelineEventEto(customer, now, "robots", "bot." + key.Split(':')[^1].ToLowerInvariant(),
            Message.Of(key, args), ActorKind.Bot, BotName, OrderNumber is null ? null : Message.Of("Robots:Timeline:ForOrder",
                ("number", OrderNumber)), LastRunId ?? Id, LastRunId is null ? RobotsReferenceKinds.Job : RobotsReferenceKinds.Run));
    }
}
