namespace HyperCrm.Intelligence.Fraud;

/// <summary>Throwaway email services whose addresses often go with fraudulent orders (a short, well-known list).</summary>
public static class DisposableEmailDomains
{
    private static readonly HashSet<string> Domains = new(StringComparer.OrdinalIgnoreCase)
    {
        "mailinator.com", "10minutemail.com", "guerrillamail.com", "guerrillamail.net", "sharklasers.com", "yopmail.com",
        "tempmail.com", "temp-mail.org", "trashmail.com", "getnada.com", "dispostable.com", "maildrop.cc", "throwawaymail.com",
        "fakeinbox.com", "mintemail.com", "emailondeck.com", "mohmal.com", "spamgourmet.com", "tempr.email", "discard.email",
        "moakt.com", "burnermail.io", "mailnesia.com", "mytemp.email", "tempinbox.com", "mailcatch.com", "spambox.us",
        "tempmailo.com", "minutemail.com", "dropmail.me",
    };

    public static bool Contains(string? email) =>
        email?.LastIndexOf('@') is { } at and >= 0 && Domains.Contains(email[(at + 1)..].Trim());
}
