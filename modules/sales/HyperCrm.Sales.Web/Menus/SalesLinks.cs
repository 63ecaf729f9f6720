using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Ui;

namespace HyperCrm.Sales.Web.Menus;

/// <summary>The pages of orders and deals, for links from the timeline and the dashboard.</summary>
public sealed class SalesLinks : ILinkContributor
{
    public string? LinkTo(string kind, Guid id) => kind switch
    {
        TimelineReferenceKinds.Order => $"/Orders/Details?id={id}",
        TimelineReferenceKinds.Deal => $"/Deals/Details?id={id}",
        _ => null,
    };
}
