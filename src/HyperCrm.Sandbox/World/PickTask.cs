namespace HyperCrm.Sandbox;

public sealed class PickTask(Guid id, string reference, IReadOnlyList<ErpLine> lines, DateTimeOffset createdAt, DateTimeOffset pickedAt)
{
    public Guid Id { get; } = id;
    public string Reference { get; } = reference;
    public IReadOnlyList<ErpLine> Lines { get; } = lines;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset PickedAt { get; } = pickedAt;
}
