using HyperCrm.Framework.Settings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Framework.Data;

public static class PlatformDbContextModelBuilderExtensions
{
    public static void ConfigurePlatform(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entity<SettingRecord>(b =>
        {
            b.ToTable("settings", PlatformDbContext.DbSchema);
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(256);
            b.Property(x => x.Value).HasMaxLength(8000);
        });
        builder.Entity<DataProtectionKey>(b => b.ToTable("data_protection_keys", PlatformDbContext.DbSchema));
        builder.Entity<HyperCrm.Framework.Web.IdempotencyRecord>(b =>
        {
            b.ToTable("idempotency_records", PlatformDbContext.DbSchema);
            b.HasKey(x => new { x.Scope, x.Key });
            b.Property(x => x.Scope).HasMaxLength(80);
            b.Property(x => x.Key).HasMaxLength(HyperCrm.Framework.Web.IdempotencyMiddleware.MaxKeyLength);
            b.Property(x => x.RequestHash).HasMaxLength(64);
            b.Property(x => x.ContentType).HasMaxLength(200);
            b.Property(x => x.Location).HasMaxLength(500);
            b.HasIndex(x => x.CreatedAt);
        });
        builder.Entity<HyperCrm.Framework.Operations.PausedWork>(b =>
        {
            b.ToTable("paused_work", PlatformDbContext.DbSchema);
            b.HasKey(x => new { x.Kind, x.Key });
            b.Property(x => x.Kind).HasMaxLength(40);
            b.Property(x => x.Key).HasMaxLength(HyperCrm.Framework.Operations.PausedWork.MaxKeyLength);
            b.Property(x => x.PausedBy).HasMaxLength(256);
            b.Property(x => x.Reason).HasMaxLength(HyperCrm.Framework.Operations.PausedWork.MaxReasonLength);
        });
        builder.ConfigureEventTables(PlatformDbContext.DbSchema);
    }
}
