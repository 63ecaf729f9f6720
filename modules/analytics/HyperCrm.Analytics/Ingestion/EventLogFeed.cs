using System.Globalization;
using HyperCrm.Analytics.Domain;
using HyperCrm.Automation.Rules;
using HyperCrm.Automation.Runs;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Events;
using HyperCrm.Robots;
using HyperCrm.Sales.Deals;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Analytics.Ingestion;

/// <summary>
/// Turns the modules' events into event log entries, through the analytics inbox (so once each, and no look at another
/// module's tables): an order's every step, a bot's finished job on its order, a rule's run finishing or failing, a rule or
/// a bot published, a deal moving, a customer created.
/// </summary>
public sealed class EventLogFeed(EventLogWriter writer) :
    IDistributedEventHandler<OrderStepRecordedEto>,
    IDistributedEventHandler<BotJobFinishedEto>,
    IDistributedEventHandler<RunCompletedEto>,
    IDistributedEventHandler<RunFailedEto>,
    IDistributedEventHandler<RunDeadLetteredEto>,
    IDistributedEventHandler<RulePublishedEto>,
    IDistributedEventHandler<BotPublishedEto>,
    IDistributedEventHandler<DealStageChangedEto>,
    IDistributedEventHandler<CustomerCreatedEto>
{
    public Task HandleEventAsync(OrderStepRecordedEto eventData, CancellationToken cancellationToken) =>
        AppendAsync(EventLogEntries.From(eventData), cancellationToken);

    public Task HandleEventAsync(BotJobFinishedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.OrderId is not { } orderId || eventData.Status == BotJobStatuses.Cancelled) return Task.CompletedTask;
        var byPerson = eventData.Status == BotJobStatuses.DoneByPerson;
        return AppendAsync(new EventLogEntry(Guid.CreateVersion7(), Now, ObjectTypes.Order, orderId, null, "bot." + eventData.Bot,
            byPerson ? null : eventData.Bot, byPerson ? ResourceKinds.Human : ResourceKinds.Bot,
            eventData.RunSeconds is { } seconds ? (long)(seconds * 1000) : null, eventData.Status, orderId, null, null,
            "robots.job.finished"), cancellationToken);
    }

    public Task HandleEventAsync(RunCompletedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AppendAsync(Run(eventData.RunId, eventData.RuleName, eventData.SubjectKind, eventData.SubjectId, "run.completed",
            eventData.FinishedAt, "completed", "automation.run.completed"), cancellationToken);
    }

    public Task HandleEventAsync(RunFailedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AppendAsync(Run(eventData.RunId, eventData.RuleName, eventData.SubjectKind, eventData.SubjectId,
            "run.step_failed." + eventData.Attempt.ToString(CultureInfo.InvariantCulture), Now, "failed", "automation.run.failed"),
            cancellationToken);
    }

    public Task HandleEventAsync(RunDeadLetteredEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AppendAsync(Run(eventData.RunId, eventData.RuleName, eventData.SubjectKind, eventData.SubjectId, "run.dead_lettered",
            eventData.At, "dead_lettered", "automation.run.dead_lettered"), cancellationToken);
    }

    public Task HandleEventAsync(RulePublishedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AppendAsync(Published(ObjectTypes.Rule, eventData.RuleId, eventData.Name, eventData.Version, eventData.PublishedBy,
            eventData.DraftStartedAt, eventData.PublishedAt, "automation.rule.published"), cancellationToken);
    }

    public Task HandleEventAsync(BotPublishedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AppendAsync(Published(ObjectTypes.Bot, eventData.BotId, eventData.Name, eventData.Version, eventData.PublishedBy,
            eventData.DraftStartedAt, eventData.PublishedAt, "robots.bot.published"), cancellationToken);
    }

    public Task HandleEventAsync(DealStageChangedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AppendAsync(new EventLogEntry(Guid.CreateVersion7(), Now, ObjectTypes.Deal, eventData.DealId, null,
            "stage." + eventData.ToStageName, null, ResourceKinds.System, null, eventData.State.ToString().ToLowerInvariant(), null,
            eventData.CustomerId, null, "sales.deal.stage_changed"), cancellationToken);
    }

    public Task HandleEventAsync(CustomerCreatedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        return AppendAsync(new EventLogEntry(Guid.CreateVersion7(), Now, ObjectTypes.Customer, eventData.CustomerId, null,
            "customer.created", null, eventData.PartnerId is null ? ResourceKinds.System : ResourceKinds.Partner, null, null, null,
            eventData.CustomerId, eventData.PartnerId, "customers.customer.created"), cancellationToken);
    }

    /// <summary>When the event was raised (events without a time of their own).</summary>
    private static DateTimeOffset Now => EventCausation.Incoming?.OccurredAt ?? DateTimeOffset.UtcNow;

    private Task AppendAsync(EventLogEntry entry, CancellationToken cancellationToken) => writer.AppendAsync([entry], cancellationToken);

    private static EventLogEntry Run(Guid runId, string ruleName, string? subjectKind, Guid? subjectId, string activity,
        DateTimeOffset at, string outcome, string source) =>
        new(Guid.CreateVersion7(), at, ObjectTypes.Run, runId, null, activity, ruleName, ResourceKinds.Rule, null, outcome,
            subjectKind == ObjectTypes.Order ? subjectId : null, null, null, source);

    private static EventLogEntry Published(string objectType, Guid id, string name, int version, string by, DateTimeOffset draftStartedAt,
        DateTimeOffset publishedAt, string source) =>
        new(Guid.CreateVersion7(), publishedAt, objectType, id, name, "published.v" + version.ToString(CultureInfo.InvariantCulture), by,
            ResourceKinds.OfPublisher(by), version == 1 ? (long)Math.Max(0, (publishedAt - draftStartedAt).TotalMilliseconds) : null,
                null, null,
            null, null, source);
}
