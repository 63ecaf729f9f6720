using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities.Domain;

/// <summary>An in-app notification for one user; the sidebar counts the unread ones.</summary>
public sealed class Notification
{
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    /// <summary>What to tell: the system's message, or a rule's words kept verbatim.</summary>
    public Message Title { get; private set; } = Message.Verbatim(string.Empty);
    public string? Url { get; private set; }
    public bool IsRead { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The idempotency key it was sent with (an automation step), if any.</summary>
    public string? SourceKey { get; private set; }

    private Notification() { }

    public Notification(Guid id, Guid userId, Message title, string? url, DateTimeOffset now, string? sourceKey = null)
    {
        SourceKey = sourceKey;
        Id = id;
        UserId = userId;
        ArgumentNullException.ThrowIfNull(title);
        Title = title.Limit(300);
        Url = url;
        CreatedAt = now;
    }

    public void MarkRead() => IsRead = true;
}
