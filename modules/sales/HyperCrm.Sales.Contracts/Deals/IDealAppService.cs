namespace HyperCrm.Sales.Deals;

public interface IDealAppService
{
    Task<BoardDto> GetBoardAsync(Guid? pipelineId, Guid? ownerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PipelineDto>> GetPipelinesAsync(CancellationToken cancellationToken = default);

    /// <summary>Open stages as "Name, probability" lines; Won and Lost are added.</summary>
    Task<PipelineDto> CreatePipelineAsync(string name, IReadOnlyList<(string Name, int Probability)> openStages,
        CancellationToken cancellationToken = default);

    Task<PipelineDto> AddStageAsync(Guid pipelineId, string name, int probability, CancellationToken cancellationToken = default);

    Task<PipelineDto> ChangeStageAsync(Guid pipelineId, Guid stageId, string name, int probability,
        CancellationToken cancellationToken = default);

    /// <summary>Moves an open stage one place earlier (offset -1) or later (+1).</summary>
    Task<PipelineDto> MoveStageAsync(Guid pipelineId, Guid stageId, int offset, CancellationToken cancellationToken = default);

    /// <summary>Removes an open stage after moving its deals to another open stage (each move is a normal, audited stage change).</summary>
    Task<PipelineDto> RemoveStageAsync(Guid pipelineId, Guid stageId, Guid moveDealsTo, CancellationToken cancellationToken = default);

    Task<DealDto> GetAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DealDto>> GetForCustomerAsync(Guid customerId, CancellationToken cancellationToken = default);

    Task<HyperCrm.Framework.Application.PagedResultDto<DealDto>> GetListAsync(GetDealListInput input,
        CancellationToken cancellationToken = default);

    Task<DealCursorPageDto> GetPageAsync(Guid? partnerId, int limit, string? cursor, CancellationToken cancellationToken = default);

    Task<DealDto> CreateAsync(CreateDealDto input, Guid? partnerId, CancellationToken cancellationToken = default);

    Task<DealDto> UpdateAsync(Guid id, UpdateDealDto input, Guid? partnerId, CancellationToken cancellationToken = default);
}
