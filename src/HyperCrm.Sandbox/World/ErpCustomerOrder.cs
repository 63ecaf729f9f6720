namespace HyperCrm.Sandbox;

public sealed class ErpCustomerOrder(Guid refKey, string number, Guid counterpartyKey, string? crmOrderId, IReadOnlyList<ErpLine> lines,
    DateTimeOffset date)
{
    public Guid RefKey { get; } = refKey;
    public string Number { get; } = number;
    public Guid CounterpartyKey { get; } = counterpartyKey;
    public string? CrmOrderId { get; } = crmOrderId;
    public IReadOnlyList<ErpLine> Lines { get; } = lines;
    public DateTimeOffset Date { get; } = date;
    public bool Reserved { get; set; }
    public bool Shipped { get; set; }

    /// <summary>Closed without shipping (the order was cancelled): its reservation is released and nothing more is done.</summary>
    public bool Closed { get; set; }
}
