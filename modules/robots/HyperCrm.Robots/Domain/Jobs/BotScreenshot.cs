namespace HyperCrm.Robots.Domain.Jobs;

/// <summary>A screenshot a run took (a JPEG, capped in size), kept for the retention period.</summary>
public sealed class BotScreenshot
{
    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public string Path { get; private set; } = string.Empty;
    public byte[] Image { get; private set; } = [];
    public DateTimeOffset TakenAt { get; private set; }

    private BotScreenshot() { }

    public BotScreenshot(Guid id, Guid runId, string path, byte[] image, DateTimeOffset at)
    {
        Id = id;
        RunId = runId;
        Path = path;
        Image = image;
        TakenAt = at;
    }
}
