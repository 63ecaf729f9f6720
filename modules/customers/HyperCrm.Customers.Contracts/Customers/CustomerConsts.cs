namespace HyperCrm.Customers.Customers;

public static class CustomerConsts
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxPhoneLength = 32;
    public const int MaxTagLength = 40;
    public const int MaxTags = 20;
    public const int MaxNotesLength = 4000;
    public const int MaxConsentSourceLength = 100;
    public const int MaxCountryLength = 2;
    public const int MaxCityLength = 100;
    public const int MaxAddressLineLength = 200;
    public const int MaxPostalCodeLength = 20;
    public const int MaxContactLabelLength = 40;

    /// <summary>Emails and phones a customer may have besides the primary ones.</summary>
    public const int MaxOtherContacts = 10;

    /// <summary>The region phone numbers without a country code are read in.</summary>
    public const string DefaultPhoneRegion = "RU";
}
