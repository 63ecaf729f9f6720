namespace HyperCrm.Sandbox;

public sealed class PickTask(Guid id, string reference, IReadOnlyList<ErpLine> lines, DateTimeOffset createdAt, DateTimeOffset pickedAt)
{
    public Guid Id { get; } = id;
    public string Reference { get; } = reference;
    public IReadOnlyList<ErpLine> Lines { get; } = lines;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset PickedAt { get; } = pickedAt;

    /// <summary>Cancelled before it was picked: never picked.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Cancelled after it was picked: the goods went back to the shelves.</summary>
    public DateTimeOffset? RestockedAt { get; set; }

    public string StatusAt(DateTimeOffset now) =>
        RestockedAt is not null ? "restocked" : CancelledAt is not null ? "cancelled" : now >= PickedAt ? "picked" : "open";
}
