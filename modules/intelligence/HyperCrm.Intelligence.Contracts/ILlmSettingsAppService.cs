namespace HyperCrm.Intelligence;

/// <summary>The OpenAI-compatible endpoint that drafts messages (Settings → AI); without one, templates are used.</summary>
public interface ILlmSettingsAppService
{
    Task<LlmSettingsDto> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks and stores the settings (the key encrypted); audited without the key.</summary>
    Task SaveAsync(LlmSettingsDto input, CancellationToken cancellationToken = default);
}
