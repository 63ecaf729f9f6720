namespace HyperCrm.Robots.Domain.Bots;

/// <summary>A published version of a bot: its definition as it was, who published it and why. Never changed.</summary>
public sealed class BotVersion
{
    public Guid Id { get; private set; }
    public Guid BotId { get; private set; }
    public int Number { get; private set; }
    public string Definition { get; private set; } = string.Empty;
    public string PublishedBy { get; private set; } = string.Empty;
    public string? Note { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }

    private BotVersion() { }

    public BotVersion(Guid id, Guid botId, int number, string definition, string publishedBy, string? note, DateTimeOffset at)
    {
        Id = id;
        BotId = botId;
        Number = number;
        Definition = definition;
        PublishedBy = publishedBy;
        Note = note is { Length: > 200 } ? note[..200] : note;
        PublishedAt = at;
    }
}
