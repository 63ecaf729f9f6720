namespace HyperCrm.Sandbox;

public sealed class PurchaseOrder(string number, string formToken, IReadOnlyList<ErpLine> lines, string? note, DateTimeOffset placedAt,
    DateTimeOffset deliverAt)
{
    public string Number { get; } = number;
    public string FormToken { get; } = formToken;
    public IReadOnlyList<ErpLine> Lines { get; } = lines;
    public string? Note { get; } = note;
    public DateTimeOffset PlacedAt { get; } = placedAt;
    public DateTimeOffset DeliverAt { get; } = deliverAt;
    public bool Delivered { get; set; }

    /// <summary>The buyer's own reference typed into the form (a bot's order reference), shown in the portal's order list.</summary>
    public string? Reference { get; init; }
}
