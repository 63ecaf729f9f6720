using HyperCrm.Framework.Hosting;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Identity.Application;

/// <summary>
/// HYPERCRM_BOOTSTRAP_API_KEYS="partner:key,…" (and HYPERCRM_BOOTSTRAP_API_KEY as demo-shop's): on every start, each
/// partner exists and holds that key with every scope, and a bootstrap key no longer configured is revoked. A key shorter
/// than <see cref="MinKeyLength"/> characters is refused (logged by partner name; no part of a key is ever logged).
/// </summary>
public sealed class BootstrapApiKeysSeedContributor(IdentityDbContext db, IConfiguration configuration, TimeProvider clock,
    ILogger<BootstrapApiKeysSeedContributor> logger)
    : IDataSeedContributor
{
    public const string DemoPartner = "demo-shop";

    /// <summary>The name every bootstrap key carries (and no other key may): how a removed one is found to revoke.</summary>
    public const string KeyName = "bootstrap";

    /// <summary>A configured key is typed by a person: at least 256 bits' worth of characters is asked of it.</summary>
    public const int MinKeyLength = 32;

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var configured = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (partnerName, key) in Parse(configuration["HYPERCRM_BOOTSTRAP_API_KEYS"], configuration["HYPERCRM_BOOTSTRAP_API_KEY"]))
        {
            if (key.Length < MinKeyLength)
            {
                logger.LogError("The bootstrap API key of {Partner} is shorter than {Length} characters; it was not created", partnerName,
                    MinKeyLength);
                continue;
            }
            var hash = ApiKey.Hash(key);
            configured.Add(hash);
            var partner = await db.Partners.FirstOrDefaultAsync(p => p.Name == partnerName, cancellationToken);
            if (partner is null)
            {
                partner = new Partner(Guid.CreateVersion7(), partnerName, partnerName);
                db.Partners.Add(partner);
            }
            var existing = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
            if (existing is not null)
            {
                if (existing.PartnerId != partner.Id)
                    logger.LogError("A bootstrap API key for {Partner} already belongs to another partner; skipped", partnerName);
                continue;
            }
            db.ApiKeys.Add(new ApiKey(Guid.CreateVersion7(), partner.Id, KeyName, key, ApiScopes.All));
            logger.LogInformation("Bootstrap API key ensured for partner {Partner}", partnerName);
        }
        // A key taken out of the configuration stops working at this start.
        foreach (var removed in await db.ApiKeys.Where(k => k.Name == KeyName && k.RevokedTime == null && !configured.Contains(k.KeyHash))
            .ToListAsync(cancellationToken))
        {
            removed.Revoke(clock.GetUtcNow(), null);
            logger.LogWarning("A bootstrap API key of partner {PartnerId} is no longer configured; it was revoked", removed.PartnerId);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public static IEnumerable<(string Partner, string Key)> Parse(string? pairs, string? demoKey)
    {
        if (!string.IsNullOrWhiteSpace(demoKey)) yield return (DemoPartner, demoKey.Trim());
        if (string.IsNullOrWhiteSpace(pairs)) yield break;
        foreach (var pair in pairs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == pair.Length - 1)
                throw new InvalidOperationException("HYPERCRM_BOOTSTRAP_API_KEYS must be comma-separated partner:key pairs.");
            yield return (pair[..colon].Trim(), pair[(colon + 1)..].Trim());
        }
    }
}
