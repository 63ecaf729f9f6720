using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Ui;

namespace HyperCrm.Customers.Web.Menus;

/// <summary>The pages of customers, for links from the timeline and the dashboard.</summary>
public sealed class CustomersLinks : ILinkContributor
{
    public string? LinkTo(string kind, Guid id) => kind == TimelineReferenceKinds.Customer ? $"/Customers/Details?id={id}" : null;
}
