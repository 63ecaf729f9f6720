namespace HyperCrm.Customers.Customers;

/// <summary>An email or phone besides the primary ones (work, home, a second mobile); matching looks at these too.</summary>
public sealed record ContactPointDto(ContactKind Kind, string Value, string? Label = null);
