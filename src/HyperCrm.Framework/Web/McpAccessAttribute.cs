namespace HyperCrm.Framework.Web;

/// <summary>
/// Who may use an MCP tool or resource: staff (by personal access token) holding <see cref="Permission"/>, and partners (by API
/// key) holding <see cref="Scope"/> — none when it is null: the tool is staff-only. The host hides what a caller may not use
/// and refuses a call to it; what a partner may see of the data is the tool's own business (its partner-scoped services),
/// exactly as in the REST API. A tool without this attribute is offered to nobody.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class McpAccessAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;

    public string? Scope { get; init; }
}
