using HyperCrm.Activities.Data;
using HyperCrm.Automation.Data;
using HyperCrm.Customers.Data;
using HyperCrm.Framework.Data;
using HyperCrm.Identity.Data;
using HyperCrm.Integrations.Data;
using HyperCrm.Intelligence.Data;
using HyperCrm.Operations.Data;
using HyperCrm.Robots.Data;
using HyperCrm.Analytics.Data;
using HyperCrm.Sales.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Web.Data;

/// <summary>
/// Owns the one migration history (ABP's approach): applies every module's Configure&lt;Name&gt;() so a single
/// `dotnet ef migrations add` covers every schema. Never used to read or write data.
/// </summary>
public sealed class HyperCrmMigrationsDbContext(DbContextOptions<HyperCrmMigrationsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ConfigurePlatform();
        modelBuilder.ConfigureIdentity();
        modelBuilder.ConfigureCustomers();
        modelBuilder.ConfigureSales();
        modelBuilder.ConfigureActivities();
        modelBuilder.ConfigureAutomation();
        modelBuilder.ConfigureIntegrations();
        modelBuilder.ConfigureIntelligence();
        modelBuilder.ConfigureRobots();
        modelBuilder.ConfigureAnalytics();
        modelBuilder.ConfigureOperations();
    }
}
