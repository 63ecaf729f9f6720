using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Ui;

namespace HyperCrm.Activities.Web.Menus;

/// <summary>The pages of tasks and approvals (their lists: a task or an approval has no page of its own), for links from the timeline and
/// the dashboard.</summary>
public sealed class ActivitiesLinks : ILinkContributor
{
    public string? LinkTo(string kind, Guid id) => kind switch
    {
        TimelineReferenceKinds.Task => "/Work",
        TimelineReferenceKinds.Approval => "/Work/Approvals",
        TimelineReferenceKinds.Message => $"/Work/Inbox?id={id}",
        _ => null,
    };
}
