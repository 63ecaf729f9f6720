namespace HyperCrm.Framework.Ui;

/// <summary>Asks every module's <see cref="ILinkContributor"/> for the page of a thing; null when none has one.</summary>
public sealed class LinkResolver(IEnumerable<ILinkContributor> contributors)
{
    private readonly ILinkContributor[] _contributors = contributors.ToArray();

    public string? LinkTo(string? kind, Guid? id)
    {
        if (kind is null || id is not { } value) return null;
        foreach (var contributor in _contributors)
        {
            if (contributor.LinkTo(kind, value) is { } link) return link;
        }
        return null;
    }
}
