namespace HyperCrm.Activities.Messages;

/// <summary>The support inbox: customers' messages, newest first, with what triage read in them.</summary>
public interface IMessageAppService
{
    Task<IReadOnlyList<InboundMessageDto>> GetListAsync(string? intent, bool includeHandled, CancellationToken cancellationToken = default);

    Task<InboundMessageDto> GetAsync(Guid id, CancellationToken cancellationToken = default);

    Task MarkHandledAsync(Guid id, CancellationToken cancellationToken = default);
}
