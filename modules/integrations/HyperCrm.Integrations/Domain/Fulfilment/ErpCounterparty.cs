using HyperCrm.Framework.Domain;

namespace HyperCrm.Integrations.Domain;

/// <summary>The ERP counterparty created for a CRM customer (created once, reused by every order).</summary>
public sealed class ErpCounterparty : Entity<Guid>
{
    public string RefKey { get; private set; } = string.Empty;
    public string? Code { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private ErpCounterparty() { }

    public ErpCounterparty(Guid customerId, string refKey, string? code, DateTimeOffset now) : base(customerId)
    {
        RefKey = refKey;
        Code = code;
        CreatedAt = now;
    }

    /// <summary>The ERP no longer knew the counterparty it gave us; it was made again under a new reference.</summary>
    public void Replaced(string refKey, string? code)
    {
        RefKey = refKey;
        Code = code;
    }
}
