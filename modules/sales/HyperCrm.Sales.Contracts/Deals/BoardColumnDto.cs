namespace HyperCrm.Sales.Deals;

public sealed record BoardColumnDto(StageDto Stage, decimal Total, IReadOnlyList<DealDto> Deals);
