using HyperCrm.Framework.Data;
using HyperCrm.Identity.Domain.Audit;
using HyperCrm.Identity.Domain.Partners;
using HyperCrm.Identity.Domain.Permissions;
using HyperCrm.Identity.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Identity.Data;

/// <summary>The identity module's tables, in schema "identity". ASP.NET Core Identity's stores work on it directly.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<IdentityDbContext>(options, dependencies)
{
    public override string Schema => IdentityDbProperties.DbSchema;

    public DbSet<AppUser> Users => Set<AppUser>();
    public DbSet<AppRole> Roles => Set<AppRole>();
    public DbSet<IdentityUserRole<Guid>> UserRoles => Set<IdentityUserRole<Guid>>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();
    public DbSet<PermissionGrant> PermissionGrants => Set<PermissionGrant>();
    public DbSet<SecurityAuditEntry> SecurityAuditLog => Set<SecurityAuditEntry>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureIdentity();
}
