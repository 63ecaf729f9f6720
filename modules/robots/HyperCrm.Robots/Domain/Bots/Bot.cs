using HyperCrm.Framework.Domain;

namespace HyperCrm.Robots.Domain.Bots;

/// <summary>
/// A bot: a name, a stable key rules call it by, its published versions (immutable; one is live, rollback makes an older
/// one live again), its sign-in credentials (the password stored encrypted, never shown again) and whether it is paused
/// (its jobs wait, kept, until it is resumed).
/// </summary>
public sealed class Bot : AggregateRoot<Guid>
{
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 1000;

    private readonly List<BotVersion> _versions = [];

    public string Key { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public bool Paused { get; private set; }

    /// <summary>The live version's number (0 before the first publish).</summary>
    public int LiveVersion { get; private set; }

    /// <summary>The bot's working copy: edited freely, run only by a test run, live once published.</summary>
    public string Draft { get; private set; } = string.Empty;
    public string? UserName { get; private set; }

    /// <summary>The password, protected by ASP.NET Core Data Protection; only the runner unprotects it.</summary>
    public string? ProtectedPassword { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<BotVersion> Versions => _versions;

    private Bot() { }

    public Bot(Guid id, string key, string name, string? description, BotDefinition draft, DateTimeOffset now) : base(id)
    {
        Key = key;
        Rename(name, description, now);
        Draft = draft.ToJson();
        CreatedAt = now;
    }

    public BotVersion? Live => _versions.FirstOrDefault(v => v.Number == LiveVersion);

    public void Rename(string name, string? description, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
            throw new BusinessException("Robots:BadName", $"A bot's name is 1 to {MaxNameLength} characters.");
        Name = name.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim()[..Math.Min(description.Trim().Length,
            MaxDescriptionLength)];
        UpdatedAt = now;
    }

    public void SaveDraft(BotDefinition draft, DateTimeOffset now)
    {
        Draft = draft.ToJson();
        UpdatedAt = now;
    }

    /// <summary>Makes the draft an immutable version and puts it live.</summary>
    public BotVersion Publish(string publishedBy, string? note, DateTimeOffset now)
    {
        var version = new BotVersion(Guid.CreateVersion7(), Id, (_versions.Count == 0 ? 0 : _versions.Max(v => v.Number)) + 1, Draft,
            publishedBy, note, now);
        _versions.Add(version);
        LiveVersion = version.Number;
        UpdatedAt = now;
        AddDistributedEvent(new BotPublishedEto(Id, Key, Name, version.Number, publishedBy, CreatedAt == default ? now : CreatedAt, now));
        return version;
    }

    /// <summary>Puts an older version live again (its definition also becomes the draft).</summary>
    public void RollBackTo(int number, DateTimeOffset now)
    {
        var version = _versions.FirstOrDefault(v => v.Number == number)
            ?? throw new BusinessException("Robots:NoSuchVersion", $"This bot has no version {number}.");
        LiveVersion = version.Number;
        Draft = version.Definition;
        UpdatedAt = now;
    }

    public void Pause(DateTimeOffset now)
    {
        Paused = true;
        UpdatedAt = now;
    }

    public void Resume(DateTimeOffset now)
    {
        Paused = false;
        UpdatedAt = now;
    }

    /// <summary>Sets the sign-in; a null password keeps the stored one (it is never shown, so it is never sent back).</summary>
    public void SetCredentials(string? userName, string? protectedPassword, DateTimeOffset now)
    {
        UserName = string.IsNullOrWhiteSpace(userName) ? null : userName.Trim();
        if (protectedPassword is not null) ProtectedPassword = protectedPassword.Length == 0 ? null : protectedPassword;
        UpdatedAt = now;
    }
}
