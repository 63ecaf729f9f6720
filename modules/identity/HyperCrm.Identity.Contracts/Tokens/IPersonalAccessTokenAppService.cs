namespace HyperCrm.Identity.Tokens;

/// <summary>The signed-in person's own tokens for outside assistants (MCP); nobody manages another person's.</summary>
public interface IPersonalAccessTokenAppService
{
    Task<IReadOnlyList<PersonalAccessTokenDto>> GetMineAsync(CancellationToken cancellationToken = default);

    /// <summary>A new token living <paramref name="days"/> days (1–365), named for the assistant that will use it.</summary>
    Task<CreatedTokenDto> CreateAsync(string name, int days, CancellationToken cancellationToken = default);

    /// <summary>Revokes one of the person's tokens; another person's is 404.</summary>
    Task RevokeAsync(Guid id, CancellationToken cancellationToken = default);
}
