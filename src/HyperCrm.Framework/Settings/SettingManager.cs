using System.Globalization;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HyperCrm.Framework.Settings;

/// <summary>Reads settings through a short cache (other instances see a change within the TTL); encrypts secrets.</summary>
public sealed class SettingManager(
    PlatformDbContext db,
    SettingDefinitionManager definitions,
    IMemoryCache cache,
    IDataProtectionProvider dataProtection,
    ICurrentUser currentUser,
    TimeProvider clock) : ISettingManager
{
    private static readonly TimeSpan CacheTtl = TimeSpan.FromSeconds(30);
    private readonly IDataProtector _protector = dataProtection.CreateProtector("HyperCrm.Settings");

    public async Task<string> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = definitions.Get(name);
        var stored = await cache.GetOrCreateAsync(CacheKey(name), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheTtl;
            return await db.Settings.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        });
        if (stored is null) return definition.DefaultValue;
        return definition.IsEncrypted ? _protector.Unprotect(stored) : stored;
    }

    public async Task<T> GetAsync<T>(string name, CancellationToken cancellationToken = default)
        where T : IParsable<T> =>
        T.Parse(await GetAsync(name, cancellationToken), CultureInfo.InvariantCulture);

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        var definition = definitions.Get(name);
        Validate(definition, value);
        var stored = definition.IsEncrypted ? _protector.Protect(value) : value;
        var record = await db.Settings.FirstOrDefaultAsync(s => s.Name == name, cancellationToken);
        if (record is null) db.Settings.Add(record = new SettingRecord { Name = name });
        record.Value = stored;
        record.ModifiedAt = clock.GetUtcNow();
        record.ModifiedBy = currentUser.Id;
        await db.SaveChangesAsync(cancellationToken);
        cache.Remove(CacheKey(name));
    }

    private static void Validate(SettingDefinition definition, string value)
    {
        var valid = definition.Type switch
        {
            SettingValueType.Number => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _),
            SettingValueType.Boolean => bool.TryParse(value, out _),
            _ => value.Length <= 4000,
        };
        if (!valid)
            throw new BusinessException("Settings:InvalidValue",
                $"'{value}' is not a valid {definition.Type.ToString().ToLowerInvariant()} for {definition.Name}.");
    }

    private static string CacheKey(string name) => "setting:" + name;
}
