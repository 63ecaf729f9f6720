using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Deals;

namespace HyperCrm.Sales.Domain.Deals;

/// <summary>An opportunity moving through a pipeline's stages; won and lost are stages too.</summary>
public sealed class Deal : AuditedAggregateRoot<Guid>
{
    public string Title { get; private set; } = string.Empty;
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "RUB";
    public Guid PipelineId { get; private set; }
    public Guid StageId { get; private set; }
    public DealState State { get; private set; }
    public int Probability { get; private set; }
    public Guid? CustomerId { get; private set; }
    public Guid? OwnerId { get; private set; }
    public Guid? PartnerId { get; private set; }
    public DateOnly? ExpectedClose { get; private set; }
    public string? LostReason { get; private set; }

    /// <summary>The order this deal tracks (a web order's deal); null for a deal people opened.</summary>
    public Guid? OrderId { get; private set; }

    private Deal() { }

    /// <summary>The deal that tracks an order on the board: its total, its customer, the pipeline's first stage.</summary>
    public static Deal ForOrder(Guid id, string title, Guid orderId, decimal total, string currency, Guid customerId, Guid? ownerId,
        Guid? partnerId, Pipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var deal = new Deal(id, title, total, currency, pipeline, pipeline.Stages.Where(s => !s.IsWon && !s.IsLost).MinBy(s => s.Order)
            ?? throw new BusinessException("Sales:PipelineNeedsStages", "A pipeline needs at least one open stage."), partnerId)
        {
            OrderId = orderId,
        };
        deal.Assign(customerId, ownerId);
        return deal;
    }

    public Deal(Guid id, string title, decimal amount, string currency, Pipeline pipeline, Stage stage, Guid? partnerId)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(stage);
        Rename(title);
        SetAmount(amount, currency);
        PipelineId = pipeline.Id;
        PartnerId = partnerId;
        StageId = stage.Id;
        Probability = stage.Probability;
        State = StateOf(stage);
    }

    public void Rename(string title) => Title = Check.NotNullOrWhiteSpace(title, nameof(title), DealConsts.MaxTitleLength).Trim();

    public void SetAmount(decimal amount, string currency)
    {
        if (amount < 0) throw new BusinessException("Sales:NegativeAmount", "A deal amount cannot be negative.");
        Amount = amount;
        Currency = currency;
    }

    public void Assign(Guid? customerId, Guid? ownerId)
    {
        CustomerId = customerId ?? CustomerId;
        OwnerId = ownerId ?? OwnerId;
    }

    public void SetExpectedClose(DateOnly? date) => ExpectedClose = date;

    public void SetProbability(int probability) => Probability = Math.Clamp(probability, 0, 100);

    /// <summary>Moves to a stage of the same pipeline; a lost stage needs the reason.</summary>
    public void MoveTo(Stage stage, string? lostReason, ActorKind actor, string? actorName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.Id == StageId) return;
        CheckRule(new LostDealsNeedAReasonRule(stage, lostReason));
        var from = StageId;
        StageId = stage.Id;
        Probability = stage.Probability;
        State = StateOf(stage);
        LostReason = stage.IsLost ? lostReason!.Trim() : null;
        AddDistributedEvent(new DealStageChangedEto(Id, CustomerId, from, stage.Id, stage.Name, State));
        if (CustomerId is { } customer)
        {
            AddDistributedEvent(new TimelineEventEto(customer, now, "sales", "deal.stage_changed",
                Message.Of("Sales:Timeline:DealMoved", ("title", Title), ("stage", stage.Name)),
                actor, actorName, Message.VerbatimOrNull(LostReason), Id, TimelineReferenceKinds.Deal));
        }
    }

    public bool IsVisibleTo(Guid? partnerId) => partnerId is null || PartnerId == partnerId;

    private static DealState StateOf(Stage stage) => stage.IsWon ? DealState.Won : stage.IsLost ? DealState.Lost : DealState.Open;
}
