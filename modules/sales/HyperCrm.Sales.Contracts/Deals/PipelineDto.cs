namespace HyperCrm.Sales.Deals;

public sealed record PipelineDto(Guid Id, string Name, IReadOnlyList<StageDto> Stages);
