namespace HyperCrm.Framework.Localization;

/// <summary>
/// Marks a localization resource class. Its texts are embedded JSON files named
/// <c>Localization/{Name}/{culture}.json</c> in the class's assembly (ABP's layout).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LocalizationResourceNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
