namespace HyperCrm.Intelligence.Drafting;

/// <summary>Where the drafting language model comes from; null when none is configured (templates are used).</summary>
public interface IChatModelSource
{
    Task<ChatModel?> GetAsync(CancellationToken cancellationToken);
}
