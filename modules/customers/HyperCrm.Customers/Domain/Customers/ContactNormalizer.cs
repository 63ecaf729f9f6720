using System.Net.Mail;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;
using PhoneNumbers;

namespace HyperCrm.Customers.Domain.Customers;

/// <summary>Emails lower-cased and trimmed; phones in E.164 (libphonenumber), read as Russian numbers when they have no country
/// code.</summary>
public static class ContactNormalizer
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static string? Email(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var trimmed = email.Trim().ToLowerInvariant();
        if (trimmed.Length > CustomerConsts.MaxEmailLength || !MailAddress.TryCreate(trimmed,
            out var parsed) || parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
            throw new BusinessException("Customers:InvalidEmail", $"'{email}' is not a valid email address.",
                data: new Dictionary<string, object?> { ["field"] = "email" });
        return trimmed;
    }

    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        try
        {
            var parsed = Phones.Parse(phone.Trim(), CustomerConsts.DefaultPhoneRegion);
            if (Phones.IsValidNumber(parsed)) return Phones.Format(parsed, PhoneNumberFormat.E164);
        }
        catch (NumberParseException)
        {
        }
        throw new BusinessException("Customers:InvalidPhone", $"'{phone}' is not a valid phone number.",
            data: new Dictionary<string, object?> { ["field"] = "phone" });
    }

    /// <summary>For search: a typed phone in any format becomes E.164 when it parses, else null.</summary>
    public static string? TryPhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Count(char.IsDigit) < 5) return null;
        try
        {
            var parsed = Phones.Parse(text.Trim(), CustomerConsts.DefaultPhoneRegion);
            return Phones.IsPossibleNumber(parsed) ? Phones.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
