namespace HyperCrm.Integrations.Domain;

/// <summary>How far the CRM has read the shop's mailbox: the number of the last email it handed to the support inbox.</summary>
public sealed class MailboxCursor
{
    public string Id { get; private set; } = string.Empty;
    public long Position { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private MailboxCursor() { }

    public MailboxCursor(string id) => Id = id;

    public void MoveTo(long position, DateTimeOffset now)
    {
        if (position > Position) Position = position;
        UpdatedAt = now;
    }
}
