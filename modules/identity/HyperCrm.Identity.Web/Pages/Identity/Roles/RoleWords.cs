using Microsoft.Extensions.Localization;

namespace HyperCrm.Identity.Web.Pages.Identity.Roles;

/// <summary>A role as people read it: the built-in roles have a name in each language ("Role:sales"), others show as named.</summary>
public static class RoleWords
{
    public static string RoleName(this IStringLocalizer localizer, string role)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var word = localizer["Role:" + role];
        return word.ResourceNotFound ? role : word.Value;
    }
}
