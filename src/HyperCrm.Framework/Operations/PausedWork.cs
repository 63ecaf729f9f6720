namespace HyperCrm.Framework.Operations;

/// <summary>One paused piece of work (kind and key), who paused it, when and why. Resuming deletes the row.</summary>
public sealed class PausedWork
{
    public const int MaxKeyLength = 512;
    public const int MaxReasonLength = 500;

    public string Kind { get; set; } = string.Empty;
    public string Key { get; set; } = string.Empty;
    public DateTimeOffset PausedAt { get; set; }
    public string PausedBy { get; set; } = string.Empty;
    public string? Reason { get; set; }
}
