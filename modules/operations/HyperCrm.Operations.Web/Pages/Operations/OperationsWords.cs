using Microsoft.Extensions.Localization;

namespace HyperCrm.Operations.Web.Pages.Operations;

/// <summary>Names of the console's technical things in the reader's language, where there is a word for them.</summary>
public static class OperationsWords
{
    /// <summary>A module's (schema's, job group's) name; the name itself when there is no word for it.</summary>
    public static string ModuleName(this IStringLocalizer<OperationsResource> l, string module)
    {
        ArgumentNullException.ThrowIfNull(l);
        var word = l["Module:" + module];
        return word.ResourceNotFound ? module : word.Value;
    }

    /// <summary>What a scheduled job does ("JobText:group.name", else one text for its group), or null.</summary>
    public static string? JobText(this IStringLocalizer<OperationsResource> l, string group, string name)
    {
        ArgumentNullException.ThrowIfNull(l);
        var exact = l[$"JobText:{group}.{name}"];
        if (!exact.ResourceNotFound) return exact.Value;
        var byGroup = l["JobText:" + group];
        return byGroup.ResourceNotFound ? null : byGroup.Value;
    }
}
