using HyperCrm.Framework.Domain;

namespace HyperCrm.Integrations.Domain;

/// <summary>An admin's settings for one connector; the secret is stored encrypted with Data Protection.</summary>
public sealed class ConnectorSetting : AggregateRoot<Guid>
{
    public string Name { get; private set; } = string.Empty;
    public string BaseUrl { get; private set; } = string.Empty;
    public string? UserName { get; private set; }
    public string? ProtectedSecret { get; private set; }
    public int TimeoutSeconds { get; private set; } = 10;
    public DateTimeOffset UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    private ConnectorSetting() { }

    public ConnectorSetting(Guid id, string name) : base(id) => Name = name;

    /// <summary>
    /// New settings. A stored secret never follows the connector to another host (scheme, host or port): pointing it
    /// elsewhere needs the secret typed again, so a changed URL cannot send the old credentials to whoever is there.
    /// </summary>
    public void Update(string baseUrl, string? userName, string? protectedSecret, int timeoutSeconds, string? by, DateTimeOffset now)
    {
        var url = Check.NotNullOrWhiteSpace(baseUrl, nameof(baseUrl), 300).Trim().TrimEnd('/');
        if (protectedSecret is null && ProtectedSecret is not null && !SameOrigin(BaseUrl, url))
            throw BusinessException.ForField("Integrations:SecretRequiredForNewHost", "secret",
                "The connector now points at another host: enter its secret again (the stored one is kept for the old host only).");
        BaseUrl = url;
        UserName = string.IsNullOrWhiteSpace(userName) ? null : userName.Trim();
        if (protectedSecret is not null) ProtectedSecret = protectedSecret;
        TimeoutSeconds = Math.Clamp(timeoutSeconds, 1, 120);
        UpdatedBy = by;
        UpdatedAt = now;
    }

    private static bool SameOrigin(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
        && string.Equals(x.GetLeftPart(UriPartial.Authority), y.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
