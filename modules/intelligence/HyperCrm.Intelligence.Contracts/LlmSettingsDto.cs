namespace HyperCrm.Intelligence;

/// <summary>The drafting language model as Settings → AI shows and edits it. The key is write-only: the page learns only
/// whether one is set; an empty <see cref="ApiKey"/> keeps the stored one, <see cref="ClearKey"/> removes it.</summary>
public sealed record LlmSettingsDto
{
    public string? Endpoint { get; init; }
    public string Model { get; init; } = "gpt-4o-mini";
    public string? ApiKey { get; init; }
    public bool ClearKey { get; init; }
    public bool KeySet { get; init; }
    public int TimeoutSeconds { get; init; } = 10;
}
