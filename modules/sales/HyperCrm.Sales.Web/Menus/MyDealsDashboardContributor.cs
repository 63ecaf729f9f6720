using System.Globalization;
using System.Security.Claims;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Ui;
using HyperCrm.Sales.Deals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Sales.Web.Menus;

/// <summary>The open deals the user owns, biggest first.</summary>
public sealed class MyDealsDashboardContributor(IServiceScopeFactory scopes, IStringLocalizer<SalesResource> l) : IDashboardContributor
{
    public int Order => 20;

    public async Task<DashboardWidget?> GetWidgetAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (!await sp.GetRequiredService<IPermissionChecker>().IsGrantedAsync(user, SalesPermissions.Deals.Default,
            cancellationToken)) return null;
        var me = sp.GetRequiredService<ICurrentUser>().Id;
        var mine = await sp.GetRequiredService<IDealAppService>().GetListAsync(new GetDealListInput { OwnerId = me, State = DealState.Open,
            PageSize = 6 }, cancellationToken);
        var items = mine.Items
            .Select(d => new DashboardItem(d.Title, $"/Deals/Details?id={d.Id}",
                $"{d.Amount.ToString("N0", CultureInfo.CurrentCulture)} {d.Currency} · {d.StageName}")).ToList();
        return new DashboardWidget("my-deals", l["Dashboard:MyDeals"], items, l["Dashboard:NoDeals"], "/Deals?mine=true");
    }
}
