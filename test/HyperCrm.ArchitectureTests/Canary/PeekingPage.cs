using HyperCrm.Canary.Data;

namespace HyperCrm.Canary.Web;

/// <summary>A deliberately bad fixture: a page model that queries its module's DbContext instead of an app service.</summary>
public sealed class PeekingPage(CanaryDbContext db)
{
    public CanaryDbContext Database { get; } = db;
}
