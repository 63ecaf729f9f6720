namespace HyperCrm.Framework.Ui;

/// <summary>A module's Web layer says where the page of a thing it owns is ("order" → /Orders/Details?id=…).</summary>
public interface ILinkContributor
{
    /// <summary>The page of the <paramref name="kind"/> with this id, or null when the kind is not this module's.</summary>
    string? LinkTo(string kind, Guid id);
}
