using System.Globalization;
using System.Security.Claims;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Settings;
using HyperCrm.Framework.Ui;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Customers.Web.Menus;

/// <summary>The latest entries of every customer's timeline: what happened, by whom.</summary>
public sealed class RecentActivityDashboardContributor(IServiceScopeFactory scopes,
    IStringLocalizer<CustomersResource> l) : IDashboardContributor
{
    public int Order => 40;

    public async Task<DashboardWidget?> GetWidgetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (!await sp.GetRequiredService<IPermissionChecker>().IsGrantedAsync(user, CustomersPermissions.Default,
            cancellationToken)) return null;
        var recent = await sp.GetRequiredService<ICustomerTimelineAppService>().GetRecentAsync(8, cancellationToken);
        var links = sp.GetRequiredService<LinkResolver>();
        var zone = await sp.GetRequiredService<ISettingManager>().GetCompanyTimeZoneAsync(cancellationToken);
        var items = recent.Select(e => new DashboardItem(e.Title, links.LinkTo(e.ReferenceKind, e.ReferenceId),
            $"{TimeZoneInfo.ConvertTime(e.At, zone).ToString("g", CultureInfo.CurrentCulture)} · {l["Actor:" + e.Actor]} {e.ActorName}"))
            .ToList();
        return new DashboardWidget("recent-activity", l["Dashboard:RecentActivity"], items, l["Customers:TimelineEmpty"]);
    }
}
