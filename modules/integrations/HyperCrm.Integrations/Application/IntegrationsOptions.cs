namespace HyperCrm.Integrations.Application;

public sealed class IntegrationsOptions
{
    /// <summary>How often open pick tasks are asked about (the WMS has no callback).</summary>
    public TimeSpan WmsPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often products and stock are read from the ERP; zero turns the schedule off (the button stays).</summary>
    public TimeSpan StockSyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the ERP's stock is read while orders wait for stock it lacked (zero: never; the sync still runs).</summary>
    public TimeSpan StockArrivalPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the shop's mailbox is read for customers' emails; zero turns it off.</summary>
    public TimeSpan MailboxPollInterval { get; set; } = TimeSpan.FromSeconds(60);

    public bool WorkersEnabled { get; set; } = true;
}
