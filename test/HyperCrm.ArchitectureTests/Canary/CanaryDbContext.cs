using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Canary.Data;

/// <summary>The canary module's DbContext, for <see cref="HyperCrm.Canary.Web.PeekingPage"/> to misuse.</summary>
public sealed class CanaryDbContext(DbContextOptions<CanaryDbContext> options) : DbContext(options);
