namespace HyperCrm.Identity.Audit;

public static class SecurityActions
{
    public const string SignInSucceeded = "sign_in.succeeded";
    public const string SignInFailed = "sign_in.failed";
    public const string SignInLockedOut = "sign_in.locked_out";
    public const string SignInNotAllowed = "sign_in.not_allowed";
    public const string SignInTwoFactorFailed = "sign_in.two_factor_failed";
    public const string SignedOut = "sign_out";
    public const string TwoFactorEnabled = "two_factor.enabled";
    public const string TwoFactorDisabled = "two_factor.disabled";
    public const string UserInvited = "user.invited";
    public const string InvitationAccepted = "user.invitation_accepted";
    public const string UserCreated = "user.created";
    public const string UserEnabled = "user.enabled";
    public const string UserDisabled = "user.disabled";
    public const string UserUnlocked = "user.unlocked";
    public const string UserRolesChanged = "user.roles_changed";
    public const string RolePermissionsChanged = "role.permissions_changed";
    public const string PartnerCreated = "partner.created";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string SettingChanged = "setting.changed";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";

    /// <summary>An outside assistant called an MCP tool (the details name the tool; refusals are logged as failed).</summary>
    public const string McpToolCalled = "mcp.tool_called";
    public const string McpResourceRead = "mcp.resource_read";
}
