namespace HyperCrm.Integrations.Application;

public sealed class IntegrationsOptions
{
    /// <summary>How often open pick tasks are asked about (the WMS has no callback).</summary>
    public TimeSpan WmsPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often products and stock are read from the ERP; zero turns the schedule off (the button stays).</summary>
    public TimeSpan StockSyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    public bool WorkersEnabled { get; set; } = true;
}
