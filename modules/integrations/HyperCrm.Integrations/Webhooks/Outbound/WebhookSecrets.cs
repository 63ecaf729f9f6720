using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace HyperCrm.Integrations.Webhooks;

/// <summary>Secrets of subscriptions, encrypted with Data Protection (keys in PostgreSQL).</summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    private IDataProtector Protector => provider.CreateProtector("HyperCrm.Integrations.WebhookSecret");

    public string Protect(string secret) => Protector.Protect(secret);

    public string Unprotect(string protectedSecret) => Protector.Unprotect(protectedSecret);

    public static string Generate() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> and base64 of 24 to 64 bytes.</summary>
    public static bool IsValid(string secret)
    {
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal)) return false;
        var bytes = new byte[128];
        return Convert.TryFromBase64String(secret["whsec_".Length..], bytes, out var length) && length is >= 24 and <= 64;
    }
}
