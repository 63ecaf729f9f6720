using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Customers.Domain.Timeline;

/// <summary>One thing that happened to a customer, in any module, with who did it and why. Append-only.</summary>
public sealed class TimelineEntry
{
    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Module { get; private set; } = string.Empty;
    public string Kind { get; private set; } = string.Empty;
    public Message Title { get; private set; } = Message.Verbatim(string.Empty);
    public ActorKind Actor { get; private set; }
    public string? ActorName { get; private set; }
    public Message? Reason { get; private set; }
    public Guid? ReferenceId { get; private set; }
    public string? ReferenceKind { get; private set; }

    private TimelineEntry() { }

    public TimelineEntry(Guid id, TimelineEventEto e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Id = id;
        CustomerId = e.CustomerId;
        At = e.At;
        Module = Cut(e.Module, 40)!;
        Kind = Cut(e.Kind, 60)!;
        Title = e.Title.Limit(300);
        Actor = e.Actor;
        ActorName = Cut(e.ActorName, 200);
        Reason = e.Reason?.Limit(1000);
        ReferenceId = e.ReferenceId;
        ReferenceKind = Cut(e.ReferenceKind, 40);
    }

    private static string? Cut(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
