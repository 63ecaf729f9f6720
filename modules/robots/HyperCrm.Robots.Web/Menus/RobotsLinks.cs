using HyperCrm.Framework.Ui;

namespace HyperCrm.Robots.Web.Menus;

/// <summary>The pages of a bot's run (with its screenshots) and job, for links from the timeline.</summary>
public sealed class RobotsLinks : ILinkContributor
{
    public string? LinkTo(string kind, Guid id) => kind switch
    {
        RobotsReferenceKinds.Run => $"/Robots/Runs/Details?id={id}",
        RobotsReferenceKinds.Job => $"/Robots/Queue?job={id}",
        _ => null,
    };
}
