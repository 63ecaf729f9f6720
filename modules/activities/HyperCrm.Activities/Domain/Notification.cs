namespace HyperCrm.Activities.Domain;

/// <summary>An in-app notification for one user; the sidebar counts the unread ones.</summary>
public sealed class Notification
{
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string? Url { get; private set; }
    public bool IsRead { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The idempotency key it was sent with (an automation step), if any.</summary>
    public string? SourceKey { get; private set; }

    private Notification() { }

    public Notification(Guid id, Guid userId, string title, string? url, DateTimeOffset now, string? sourceKey = null)
    {
        SourceKey = sourceKey;
        Id = id;
        UserId = userId;
        Title = title.Length > 300 ? title[..300] : title;
        Url = url;
        CreatedAt = now;
    }

    public void MarkRead() => IsRead = true;
}
