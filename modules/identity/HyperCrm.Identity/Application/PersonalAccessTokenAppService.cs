using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Audit;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Users;
using HyperCrm.Identity.Tokens;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

/// <summary>The signed-in person's tokens: listed, created (shown once) and revoked, each creation and revocation audited.</summary>
public sealed class PersonalAccessTokenAppService(IdentityDbContext db, ICurrentUser currentUser, ISecurityAuditLogger audit,
    TimeProvider clock) : IPersonalAccessTokenAppService
{
    /// <summary>Active tokens a person may hold at once.</summary>
    public const int MaxActive = 20;

    public async Task<IReadOnlyList<PersonalAccessTokenDto>> GetMineAsync(CancellationToken cancellationToken = default)
    {
        var userId = Me();
        var tokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Take(100).ToListAsync(cancellationToken);
        return tokens.Select(ToDto).ToList();
    }

    public async Task<CreatedTokenDto> CreateAsync(string name, int days, CancellationToken cancellationToken = default)
    {
        var userId = Me();
        var now = clock.GetUtcNow();
        if (await db.PersonalAccessTokens.CountAsync(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now,
                cancellationToken) >= MaxActive)
            throw new BusinessException("Identity:TooManyTokens", $"You hold {MaxActive} active tokens: revoke one first.");
        var plain = PersonalAccessToken.Generate();
        var token = new PersonalAccessToken(Guid.CreateVersion7(), userId, name, plain, days, now);
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(SecurityActions.TokenCreated, true, currentUser.Email, $"{token.Name} ({token.Prefix}…, {days} days)",
            cancellationToken);
        return new CreatedTokenDto(ToDto(token), plain);
    }

    public async Task RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var userId = Me();
        var token = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId, cancellationToken)
            ?? throw new EntityNotFoundException(typeof(PersonalAccessToken), id);
        if (token.RevokedAt is not null) return;
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.LogAsync(SecurityActions.TokenRevoked, true, currentUser.Email, $"{token.Name} ({token.Prefix}…)", cancellationToken);
    }

    /// <summary>A person signed in with the staff cookie; a partner's key or another token cannot manage tokens.</summary>
    private Guid Me() => currentUser is { IsAuthenticated: true, Id: { } id, PartnerId: null }
        && currentUser.Principal?.FindFirst(HyperClaimTypes.TokenId) is null
        ? id
        : throw new BusinessException("Identity:TokensNeedSignIn", "Sign in to manage your tokens.");

    private static PersonalAccessTokenDto ToDto(PersonalAccessToken t) =>
        new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
