namespace HyperCrm.Framework.Data;

/// <summary>An event that kept failing for a consumer (or could not be read at all), kept with its error.</summary>
public sealed class DeadLetter
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public string EventName { get; set; } = string.Empty;
    public string Payload { get; set; } = "{}";
    public string? Consumer { get; set; }
    public string Error { get; set; } = string.Empty;
    public int Attempts { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset DeadLetteredAt { get; set; }
}
