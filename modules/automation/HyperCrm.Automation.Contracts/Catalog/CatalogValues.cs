using System.Reflection;
using System.Text.Json.Serialization;

namespace HyperCrm.Automation.Catalog;

public static class CatalogValues
{
    /// <summary>An enum as rules and the API read it: its wire name (<c>on_hold</c>), else its name.</summary>
    public static string WireName(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var member = value.GetType().GetField(value.ToString());
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();
    }
}
