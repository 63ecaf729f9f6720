namespace HyperCrm.Customers.Import;

/// <summary>The customer fields a CSV column can fill.</summary>
public static class ImportFields
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Kind = "kind";
    public const string Tags = "tags";
    public const string Notes = "notes";

    public static readonly IReadOnlyList<string> All = [Name, Email, Phone, Kind, Tags, Notes];
}
