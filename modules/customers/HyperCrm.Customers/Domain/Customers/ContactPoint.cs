using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;

namespace HyperCrm.Customers.Domain.Customers;

/// <summary>An email or phone a customer has besides the primary ones; the value is normalized, so one value belongs to one
/// customer.</summary>
public sealed class ContactPoint
{
    public ContactKind Kind { get; private set; }
    public string Value { get; private set; } = string.Empty;
    public string? Label { get; private set; }

    private ContactPoint() { }

    private ContactPoint(ContactKind kind, string value, string? label)
    {
        Kind = kind;
        Value = value;
        Label = Check.Length(string.IsNullOrWhiteSpace(label) ? null : label.Trim(), CustomerConsts.MaxContactLabelLength);
    }

    /// <summary>Normalizes the value for its kind; a bad email or phone is refused like a primary one.</summary>
    public static ContactPoint Create(ContactKind kind, string value, string? label = null) =>
        new(kind, (kind == ContactKind.Email ? ContactNormalizer.Email(value) : ContactNormalizer.Phone(value))
            ?? throw new BusinessException("Customers:ContactRequired", "A contact needs a value."), label);

    /// <summary>Reads a typed contact: anything with an @ is an email, the rest a phone.</summary>
    public static ContactPoint Parse(string value, string? label = null) =>
        Create(value.Contains('@', StringComparison.Ordinal) ? ContactKind.Email : ContactKind.Phone, value, label);

    public bool Is(ContactKind kind, string value) => Kind == kind && Value == value;
}
