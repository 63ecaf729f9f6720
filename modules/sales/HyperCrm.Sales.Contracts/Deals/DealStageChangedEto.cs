using HyperCrm.Framework.Events;

namespace HyperCrm.Sales.Deals;

[EventName("sales.deal.stage_changed")]
public sealed record DealStageChangedEto(Guid DealId, Guid? CustomerId, Guid FromStageId, Guid ToStageId, string ToStageName,
    DealState State);
