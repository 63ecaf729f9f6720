namespace HyperCrm.Sales.Deals;

public sealed record GetDealListInput : HyperCrm.Framework.Application.PagedInput
{
    public string? Filter { get; init; }

    public DealState? State { get; init; }

    public Guid? StageId { get; init; }

    public Guid? OwnerId { get; init; }
}
