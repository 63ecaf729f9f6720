namespace HyperCrm.Integrations.Webhooks;

public sealed class OutboundWebhookOptions
{
    public bool DispatcherEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    public int BatchSize { get; set; } = 32;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
