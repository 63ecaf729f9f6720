using System.Security.Claims;

namespace HyperCrm.Framework.Ui;

/// <summary>A module's card on the home page (my tasks, my deals, orders needing attention…); null when the user may not see it.</summary>
public interface IDashboardContributor
{
    int Order { get; }

    Task<DashboardWidget?> GetWidgetAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
