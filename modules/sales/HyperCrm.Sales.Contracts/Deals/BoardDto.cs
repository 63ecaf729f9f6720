namespace HyperCrm.Sales.Deals;

public sealed record BoardDto(PipelineDto Pipeline, IReadOnlyList<PipelineDto> Pipelines, IReadOnlyList<BoardColumnDto> Columns);
