using HyperCrm.Framework.Hosting;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Identity.Data;
using HyperCrm.Identity.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Identity.Application;

/// <summary>
/// HYPERCRM_BOOTSTRAP_API_KEYS="partner:key,…" (and HYPERCRM_BOOTSTRAP_API_KEY as demo-shop's): on every
/// start, each partner exists and holds that key with every scope. Lets scripts and demos use a known key.
/// </summary>
public sealed class BootstrapApiKeysSeedContributor(IdentityDbContext db, IConfiguration configuration, ILogger<BootstrapApiKeysSeedContributor> logger)
    : IDataSeedContributor
{
    public const string DemoPartner = "demo-shop";

    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (partnerName, key) in Parse(configuration["HYPERCRM_BOOTSTRAP_API_KEYS"], configuration["HYPERCRM_BOOTSTRAP_API_KEY"]))
        {
            var partner = await db.Partners.FirstOrDefaultAsync(p => p.Name == partnerName, cancellationToken);
            if (partner is null)
            {
                partner = new Partner(Guid.CreateVersion7(), partnerName, partnerName);
                db.Partners.Add(partner);
            }
            var hash = ApiKey.Hash(key);
            var existing = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
            if (existing is not null)
            {
                if (existing.PartnerId != partner.Id)
                    logger.LogError("A bootstrap API key for {Partner} already belongs to another partner; skipped", partnerName);
                continue;
            }
            db.ApiKeys.Add(new ApiKey(Guid.CreateVersion7(), partner.Id, "bootstrap", key, ApiScopes.All));
            logger.LogInformation("Bootstrap API key {Prefix}… ensured for partner {Partner}", key[..ApiKey.PrefixLength], partnerName);
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
