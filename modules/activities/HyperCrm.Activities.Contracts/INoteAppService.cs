namespace HyperCrm.Activities;

public interface INoteAppService
{
    Task<NoteDto> AddAsync(LinkKind linkKind, Guid linkId, string text, Guid? customerId = null,
        CancellationToken cancellationToken = default);

    Task<IReadOnlyList<NoteDto>> GetForAsync(LinkKind linkKind, Guid linkId, CancellationToken cancellationToken = default);
}
