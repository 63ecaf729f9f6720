namespace HyperCrm.Activities;

public interface IWorkTaskAppService
{
    Task<WorkTaskDto> CreateAsync(CreateWorkTaskDto input, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkTaskDto>> GetMyOpenTasksAsync(CancellationToken cancellationToken = default);

    Task<int> CountMyOpenTasksAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WorkTaskDto>> GetForLinkAsync(LinkKind kind, Guid id, CancellationToken cancellationToken = default);

    Task<WorkTaskDto> CompleteAsync(Guid id, CancellationToken cancellationToken = default);
}
