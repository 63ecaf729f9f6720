namespace HyperCrm.Framework.Security;

public static class HyperClaimTypes
{
    public const string PartnerId = "hypercrm:partner_id";
    public const string PartnerName = "hypercrm:partner_name";
    public const string Scope = "scope";
    public const string ApiKeyId = "hypercrm:api_key_id";
    public const string DisplayName = "hypercrm:display_name";

    /// <summary>Set when a staff member acts through a personal access token (an outside assistant), not the sign-in cookie.</summary>
    public const string TokenId = "hypercrm:token_id";
}
