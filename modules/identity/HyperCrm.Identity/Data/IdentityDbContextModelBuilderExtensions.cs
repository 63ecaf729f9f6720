using HyperCrm.Framework.Data;
using HyperCrm.Identity.Domain.Audit;
using HyperCrm.Identity.Domain.Partners;
using HyperCrm.Identity.Domain.Permissions;
using HyperCrm.Identity.Domain.Users;
using HyperCrm.Identity.Partners;
using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Data;

public static class IdentityDbContextModelBuilderExtensions
{
    private const string Schema = IdentityDbProperties.DbSchema;

    public static void ConfigureIdentity(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ConfigureAspNetIdentity(builder);

        builder.Entity<Partner>(b =>
        {
            b.ToTable("partners", Schema);
            b.Property(x => x.Name).HasMaxLength(PartnerConsts.MaxNameLength).IsRequired();
            b.Property(x => x.DisplayName).HasMaxLength(PartnerConsts.MaxDisplayNameLength).IsRequired();
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => x.Name).IsUnique();
        });
        builder.Entity<ApiKey>(b =>
        {
            b.ToTable("api_keys", Schema);
            b.Property(x => x.Name).HasMaxLength(PartnerConsts.MaxKeyNameLength).IsRequired();
            b.Property(x => x.Prefix).HasMaxLength(ApiKey.PrefixLength).IsRequired();
            b.Property(x => x.KeyHash).HasMaxLength(64).IsRequired();
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => x.KeyHash).IsUnique();
            b.HasIndex(x => x.PartnerId);
            b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PersonalAccessToken>(b =>
        {
            b.ToTable("personal_access_tokens", Schema);
            b.Property(x => x.Name).HasMaxLength(PersonalAccessToken.MaxNameLength).IsRequired();
            b.Property(x => x.Prefix).HasMaxLength(20).IsRequired();
            b.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => x.TokenHash).IsUnique();
            b.HasIndex(x => x.UserId);
            b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PermissionGrant>(b =>
        {
            b.ToTable("permission_grants", Schema);
            b.HasKey(x => new { x.RoleName, x.PermissionName });
            b.Property(x => x.RoleName).HasMaxLength(256);
            b.Property(x => x.PermissionName).HasMaxLength(128);
        });
        builder.Entity<PermissionDefaultsApplied>(b =>
        {
            b.ToTable("permission_defaults_applied", Schema);
            b.HasKey(x => x.PermissionName);
            b.Property(x => x.PermissionName).HasMaxLength(128);
        });
        builder.Entity<SecurityAuditEntry>(b =>
        {
            b.ToTable("security_audit_log", Schema);
            b.Property(x => x.Action).HasMaxLength(64).IsRequired();
            b.Property(x => x.Subject).HasMaxLength(256);
            b.Property(x => x.ActorName).HasMaxLength(256);
            b.Property(x => x.ClientIp).HasMaxLength(64);
            b.Property(x => x.UserAgent).HasMaxLength(512);
            b.Property(x => x.Details).HasMaxLength(2000);
            b.HasIndex(x => x.Time);
        });
        builder.ConfigureEventTables(Schema);
    }

    /// <summary>ASP.NET Core Identity's model (as IdentityDbContext would map it), in our schema and names.</summary>
    private static void ConfigureAspNetIdentity(ModelBuilder builder)
    {
        builder.Entity<AppUser>(b =>
        {
            b.ToTable("users", Schema);
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedUserName).IsUnique();
            b.HasIndex(u => u.NormalizedEmail);
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(UserConsts.MaxEmailLength);
            b.Property(u => u.NormalizedUserName).HasMaxLength(UserConsts.MaxEmailLength);
            b.Property(u => u.Email).HasMaxLength(UserConsts.MaxEmailLength);
            b.Property(u => u.NormalizedEmail).HasMaxLength(UserConsts.MaxEmailLength);
            b.Property(u => u.DisplayName).HasMaxLength(UserConsts.MaxDisplayNameLength).IsRequired();
            b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(uc => uc.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(ul => ul.UserId).IsRequired();
            b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(ut => ut.UserId).IsRequired();
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(ur => ur.UserId).IsRequired();
        });
        builder.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.ToTable("user_claims", Schema);
            b.HasKey(uc => uc.Id);
        });
        builder.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.ToTable("user_logins", Schema);
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.Property(l => l.LoginProvider).HasMaxLength(128);
            b.Property(l => l.ProviderKey).HasMaxLength(128);
        });
        builder.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.ToTable("user_tokens", Schema);
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.Property(t => t.LoginProvider).HasMaxLength(128);
            b.Property(t => t.Name).HasMaxLength(128);
        });
        builder.Entity<AppRole>(b =>
        {
            b.ToTable("roles", Schema);
            b.HasKey(r => r.Id);
            b.HasIndex(r => r.NormalizedName).IsUnique();
            b.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(r => r.Name).HasMaxLength(256);
            b.Property(r => r.NormalizedName).HasMaxLength(256);
            b.HasMany<IdentityUserRole<Guid>>().WithOne().HasForeignKey(ur => ur.RoleId).IsRequired();
            b.HasMany<IdentityRoleClaim<Guid>>().WithOne().HasForeignKey(rc => rc.RoleId).IsRequired();
        });
        builder.Entity<IdentityRoleClaim<Guid>>(b =>
        {
            b.ToTable("role_claims", Schema);
            b.HasKey(rc => rc.Id);
        });
        builder.Entity<IdentityUserRole<Guid>>(b =>
        {
            b.ToTable("user_roles", Schema);
            b.HasKey(r => new { r.UserId, r.RoleId });
        });
    }
}
