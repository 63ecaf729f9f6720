using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Application;

/// <summary>
/// TOTP codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) from any authenticator app, each good once: the step of
/// the last accepted code is remembered, and a code from that step or an earlier one is refused, even by two requests
/// racing with the same code (the step is claimed by one conditional UPDATE). One step of clock drift either way.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(IdentityDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string ProviderName = "HyperAuthenticator";
    private const int Digits = 6;
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || token.Length != Digits) return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || Base32.Decode(key) is not { Length: > 0 } secret) return false;
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / (long)Step.TotalSeconds;
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
            if (CryptographicOperations.FixedTimeEquals(BitConverter.GetBytes(Code(secret, step)),
                BitConverter.GetBytes(code))) matched = step;
        if (matched is not { } accepted) return false;
        // One code once: only a step later than the last accepted one is taken, atomically.
        var claimed = await db.Users.Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < accepted))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, accepted));
        if (claimed != 1) return false;
        // The store's later UpdateAsync (the sign-in time) writes every column: it must write this step, not the old one.
        user.TotpStepUsed(accepted);
        return true;
    }

    /// <summary>The RFC 4226 HOTP value of one time step.</summary>
    public static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        // RFC 6238 authenticator apps use HMAC-SHA1; as an HMAC keyed with a secret it is not weakened by SHA-1's collisions.
#pragma warning disable CA5350
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff);
        return binary % 1_000_000;
    }
}
