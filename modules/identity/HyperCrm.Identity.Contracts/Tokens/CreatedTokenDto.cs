namespace HyperCrm.Identity.Tokens;

/// <summary>A token just created: <see cref="Token"/> is shown this once and stored nowhere.</summary>
public sealed record CreatedTokenDto(PersonalAccessTokenDto Info, string Token);
