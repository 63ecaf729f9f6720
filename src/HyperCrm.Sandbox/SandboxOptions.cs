namespace HyperCrm.Sandbox;

/// <summary>The simulators' settings (section <c>Sandbox</c>). Delays are short by default so a demo moves along.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public bool Enabled { get; set; }

    /// <summary>Serve the sandbox beyond loopback (it is anonymous: anyone who reaches it can use it). Off by default.</summary>
    public bool AllowRemote { get; set; }

    /// <summary>
    /// Where the simulators keep their world (<see cref="SandboxJournal"/>), so a restart forgets nothing of it; empty: in
    /// memory only, gone with the process (tests). run.sh uses <c>.data/sandbox</c>.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Where the CRM listens (for the shop's and courier's webhooks); empty: this host's own address.</summary>
    public string? CrmUrl { get; set; }

    public ShopOptions Shop { get; set; } = new();
    public CourierOptions Courier { get; set; } = new();
    public SupplierOptions Supplier { get; set; } = new();
    public WmsOptions Wms { get; set; } = new();
    public PaymentOptions Payments { get; set; } = new();

    public sealed class ShopOptions
    {
        /// <summary>The <c>{source}</c> of <c>/hooks/shop/{source}/orders</c>: the partner the shop's orders belong to.</summary>
        public string Source { get; set; } = "demo";

        /// <summary>The signing secret; empty: <c>Webhooks:Inbound:Shops:{Source}:Secret</c>, as the CRM knows it.</summary>
        public string? Secret { get; set; }
    }

    public sealed class CourierOptions
    {
        public string Provider { get; set; } = "sandbox";
        public string? Secret { get; set; }
        public double DeliverAfterSeconds { get; set; } = 15;
    }

    public sealed class SupplierOptions
    {
        public double DeliverAfterSeconds { get; set; } = 10;
        public string UserName { get; set; } = "buyer";
        public string Password { get; set; } = "supplier-demo";
    }

    public sealed class PaymentOptions
    {
        /// <summary>The <c>{provider}</c> of <c>/hooks/payments/{provider}</c>.</summary>
        public string Provider { get; set; } = "sandbox";

        /// <summary>The signing secret; empty: <c>Webhooks:Inbound:Payments:{Provider}:Secret</c>, as the CRM knows it.</summary>
        public string? Secret { get; set; }
    }

    public sealed class WmsOptions
    {
        public double PickAfterSeconds { get; set; } = 3;
    }
}
