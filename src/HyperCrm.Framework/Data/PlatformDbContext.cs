using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Settings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Framework.Data;

/// <summary>The platform's own tables (schema "platform"): settings and the Data Protection key ring.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<PlatformDbContext>(options, dependencies), IDataProtectionKeyContext
{
    public const string DbSchema = "platform";

    public override string Schema => DbSchema;

    public DbSet<SettingRecord> Settings => Set<SettingRecord>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<PausedWork> PausedWork => Set<PausedWork>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigurePlatform();
}
