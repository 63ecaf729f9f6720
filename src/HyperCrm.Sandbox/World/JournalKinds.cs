namespace HyperCrm.Sandbox;

/// <summary>The kinds of line in the <see cref="SandboxJournal"/>.</summary>
public static class JournalKinds
{
    public const string Number = "number";
    public const string Counterparty = "counterparty";
    public const string CustomerOrder = "customer_order";
    public const string Sale = "sale";
    public const string Return = "return";
    public const string PickTask = "pick_task";
    public const string Payment = "payment";
    public const string Shipment = "shipment";
    public const string Message = "message";
    public const string IncomingMail = "incoming_mail";
    public const string PurchaseOrder = "purchase_order";
    public const string Stock = "stock";
    public const string Session = "session";
    public const string Ledger = "ledger";
    public const string Answer = "answer";
}
