namespace HyperCrm.Identity.Partners;

public static class PartnerConsts
{
    /// <summary>A partner's name is its id in URLs and webhooks (<c>/hooks/shop/{source}</c>): lowercase, digits, dashes.</summary>
    public const string NamePattern = "^[a-z0-9][a-z0-9-]*$";
    public const int MaxNameLength = 64;
    public const int MaxDisplayNameLength = 128;
    public const int MaxKeyNameLength = 64;
    public const int MinKeyLength = 16;
    public const int MaxKeyLength = 256;
}
