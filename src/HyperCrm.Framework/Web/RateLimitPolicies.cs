namespace HyperCrm.Framework.Web;

/// <summary>
/// The rate-limit policies the host defines. Each partitions by who is asking: the partner behind a valid API key, else
/// the client's address (after forwarded headers from a trusted proxy), so random or unknown keys share their address's
/// quota instead of each getting a fresh one.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>The public API: per partner for valid keys, per client address for everything else.</summary>
    public const string Api = "api";

    /// <summary>Sign-in and its second step: per client address, posts only.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Inbound webhooks: per client address, before the signature is checked.</summary>
    public const string Hooks = "hooks";
}
